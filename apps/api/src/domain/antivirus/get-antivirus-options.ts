import { type TAntivirusOptions, ZAntivirusOptions } from '@portcullis/contracts';
import type { TDb } from '../../db.ts';

/** Anti-Virus Protection (a single row, seeded); the defaults if the row is missing. */
export async function getAntivirusOptions(db: TDb): Promise<TAntivirusOptions> {
  const row = await db.antivirusOptions.findUnique({ where: { id: 1 } });
  if (!row) return ZAntivirusOptions.parse({});

  return {
    serverHostName: row.serverHostName,
    serverAddress: row.serverAddress,
    serverPort: row.serverPort,
    guaranteeEnforcement: row.guaranteeEnforcement,
  };
}
