import type { TServiceProfile } from '@portcullis/contracts';
import type { TDb } from '../../db.ts';
import { AppError } from '../../errors/app-error.ts';
import { loadProfileResolution } from './load-profile-resolution.ts';
import { SERVICE_PROFILE_INCLUDE } from './service-profile-row.ts';
import { toServiceProfileView } from './to-service-profile-view.ts';

export async function getServiceProfile(db: TDb, id: number): Promise<TServiceProfile> {
  const row = await db.serviceProfile.findUnique({
    where: { id },
    include: SERVICE_PROFILE_INCLUDE,
  });
  if (!row) throw new AppError('NOT_FOUND', `no service profile with id ${id}`, { field: 'id' });

  return toServiceProfileView(row, await loadProfileResolution(db));
}
