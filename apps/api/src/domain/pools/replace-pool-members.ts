import type { TDb } from '../../db.ts';
import type { TPoolMemberFields } from '../../schemas/pool-schemas.ts';
import { toMemberData } from './to-member-data.ts';

/**
 * Makes the pool's members exactly `members`. A member keeping its address and
 * port keeps its id (and so its place in statistics and the console); the others
 * are removed or added.
 */
export async function replacePoolMembers(
  db: TDb,
  poolId: number,
  members: TPoolMemberFields[],
): Promise<void> {
  const existing = await db.poolMember.findMany({ where: { poolId } });
  const byEndpoint = new Map(existing.map((m) => [`${m.address}:${m.servicePort}`, m.id]));
  const wanted = members.map((member) => {
    const data = toMemberData(member);

    return { data, id: byEndpoint.get(`${data.address}:${data.servicePort}`) };
  });
  const keptIds = wanted.flatMap((member) => (member.id ? [member.id] : []));

  await db.poolMember.deleteMany({ where: { poolId, id: { notIn: keptIds } } });
  for (const { data, id } of wanted) {
    if (id) await db.poolMember.update({ where: { id }, data });
    else await db.poolMember.create({ data: { ...data, poolId } });
  }
}
