import type { TDb } from '../../db.ts';
import { type TRemoteLogging, ZRemoteLogging } from '../../schemas/system-schemas.ts';

/** The remote logging server (a single row, seeded); the defaults if the row is missing. */
export async function getRemoteLogging(db: TDb): Promise<TRemoteLogging> {
  const row = await db.remoteLoggingServer.findUnique({ where: { id: 1 } });
  if (!row) return ZRemoteLogging.parse({});

  return { enabled: row.enabled, host: row.host, port: row.port, transport: row.transport };
}
