import type { TPool } from '@portcullis/contracts';
import type { TDb } from '../../db.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TPoolMemberFields } from '../../schemas/pool-schemas.ts';
import { getPool } from './get-pool.ts';
import { toMemberData } from './to-member-data.ts';

export async function addPoolMember(
  db: TDb,
  poolId: number,
  member: TPoolMemberFields,
): Promise<TPool> {
  const pool = await db.pool.findUnique({ where: { id: poolId } });
  if (!pool) throw new AppError('NOT_FOUND', `no pool with id ${poolId}`, { field: 'id' });

  const data = toMemberData(member);
  const twin = await db.poolMember.findFirst({
    where: { poolId, address: data.address, servicePort: data.servicePort },
  });
  if (twin) {
    throw new AppError(
      'CONFLICT',
      `pool "${pool.name}" already has member ${data.address}:${data.servicePort}`,
      { field: 'address' },
    );
  }

  await db.poolMember.create({ data: { ...data, poolId } });

  return getPool(db, poolId);
}
