import type { TDb } from '../../db.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TDnsSettings } from '../../schemas/system-schemas.ts';
import { getDnsSettings } from './get-dns-settings.ts';

export async function updateDnsSettings(db: TDb, input: TDnsSettings): Promise<TDnsSettings> {
  const index = input.resolvers.findIndex((value, at) => input.resolvers.indexOf(value) !== at);
  if (index !== -1) {
    const resolver = input.resolvers[index];
    throw new AppError('VALIDATION_FAILED', `${resolver} is listed twice; list it once`, {
      field: `resolvers.${index}`,
    });
  }

  await db.dnsSettings.upsert({ where: { id: 1 }, create: { id: 1, ...input }, update: input });

  return getDnsSettings(db);
}
