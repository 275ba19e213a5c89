import type { TDb } from '../../db.ts';
import { AppError } from '../../errors/app-error.ts';

export async function deletePoolMember(db: TDb, poolId: number, memberId: number): Promise<void> {
  const member = await db.poolMember.findFirst({ where: { id: memberId, poolId } });
  if (!member) {
    throw new AppError('NOT_FOUND', `pool ${poolId} has no member with id ${memberId}`, {
      field: 'memberId',
    });
  }

  await db.poolMember.delete({ where: { id: memberId } });
}
