import type { TDb } from '../../db.ts';
import { type TDnsSettings, ZDnsSettings } from '../../schemas/system-schemas.ts';

/** The DNS settings (a single row, seeded); the defaults if the row is missing. */
export async function getDnsSettings(db: TDb): Promise<TDnsSettings> {
  const row = await db.dnsSettings.findUnique({ where: { id: 1 } });
  if (!row) return ZDnsSettings.parse({});

  return { resolvers: row.resolvers, timeoutMs: row.timeoutMs };
}
