import type { TListQuery, TSecurityProfile } from '@portcullis/contracts';
import type { TDb } from '../../db.ts';
import { pageArgs } from '../shared/page-args.ts';
import { SECURITY_PROFILE_INCLUDE } from './security-profile-row.ts';
import { toSecurityProfileView } from './to-security-profile-view.ts';

/** One page of security profiles in name order, the order "first-listed" refers to. */
export async function findSecurityProfiles(
  db: TDb,
  query: TListQuery,
): Promise<{ items: TSecurityProfile[]; total: number }> {
  const args = pageArgs(query);
  const rows = await db.securityProfile.findMany({ ...args, include: SECURITY_PROFILE_INCLUDE });
  const total = await db.securityProfile.count({ where: args.where });

  return { items: rows.map(toSecurityProfileView), total };
}
