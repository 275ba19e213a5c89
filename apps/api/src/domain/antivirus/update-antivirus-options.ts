import type { TAntivirusOptions } from '@portcullis/contracts';
import type { TDb } from '../../db.ts';
import { AppError } from '../../errors/app-error.ts';
import { isHostName } from '../shared/network-address.ts';
import { getAntivirusOptions } from './get-antivirus-options.ts';

export async function updateAntivirusOptions(
  db: TDb,
  input: TAntivirusOptions,
): Promise<TAntivirusOptions> {
  // A cleared form field arrives as an empty string; it means no host name.
  const serverHostName = input.serverHostName?.trim() || null;
  if (serverHostName !== null && !isHostName(serverHostName)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `"${serverHostName}" is not a host name; use letters, digits, dashes and dots`,
      { field: 'serverHostName' },
    );
  }

  const data = { ...input, serverHostName };
  await db.antivirusOptions.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });

  return getAntivirusOptions(db);
}
