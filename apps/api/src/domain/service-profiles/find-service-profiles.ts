import type { TListQuery, TServiceProfile } from '@portcullis/contracts';
import type { TDb } from '../../db.ts';
import { pageArgs } from '../shared/page-args.ts';
import { loadProfileResolution } from './load-profile-resolution.ts';
import { SERVICE_PROFILE_INCLUDE } from './service-profile-row.ts';
import { toServiceProfileView } from './to-service-profile-view.ts';

export async function findServiceProfiles(
  db: TDb,
  query: TListQuery,
): Promise<{ items: TServiceProfile[]; total: number }> {
  const args = pageArgs(query);
  const rows = await db.serviceProfile.findMany({ ...args, include: SERVICE_PROFILE_INCLUDE });
  const total = await db.serviceProfile.count({ where: args.where });
  const resolution = await loadProfileResolution(db);

  return { items: rows.map((row) => toServiceProfileView(row, resolution)), total };
}
