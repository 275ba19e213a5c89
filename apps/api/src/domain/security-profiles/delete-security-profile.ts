import type { TDb } from '../../db.ts';
import { AppError } from '../../errors/app-error.ts';
import { describeUsers } from '../shared/describe-users.ts';

/** Deletes a security profile no service profile is assigned (never the system one). */
export async function deleteSecurityProfile(db: TDb, id: number): Promise<void> {
  const row = await db.securityProfile.findUnique({
    where: { id },
    include: { serviceProfiles: { select: { name: true }, orderBy: { name: 'asc' } } },
  });
  if (!row) throw new AppError('NOT_FOUND', `no security profile with id ${id}`, { field: 'id' });

  if (row.isSystem) {
    throw new AppError('SYSTEM_OBJECT', `the system profile "${row.name}" cannot be deleted`);
  }

  const users = row.serviceProfiles.map((profile) => profile.name);
  if (users.length > 0) {
    throw new AppError(
      'IN_USE',
      `security profile "${row.name}" is assigned to ${describeUsers('service profile', users)}; ` +
        'assign them another security profile first',
    );
  }

  await db.securityProfile.delete({ where: { id } });
}
