import type { TDb } from '../../db.ts';
import { AppError } from '../../errors/app-error.ts';
import { describeUsers } from '../shared/describe-users.ts';

export async function deleteServiceProfile(db: TDb, id: number): Promise<void> {
  const row = await db.serviceProfile.findUnique({
    where: { id },
    include: {
      virtualServers: { select: { name: true }, orderBy: { name: 'asc' } },
      children: { select: { name: true }, orderBy: { name: 'asc' } },
    },
  });
  if (!row) throw new AppError('NOT_FOUND', `no service profile with id ${id}`, { field: 'id' });

  if (row.isSystem) {
    throw new AppError('SYSTEM_OBJECT', `the system profile "${row.name}" cannot be deleted`);
  }

  const servers = row.virtualServers.map((server) => server.name);
  if (servers.length > 0) {
    throw new AppError(
      'IN_USE',
      `service profile "${row.name}" is used by ${describeUsers('virtual server', servers)}; ` +
        'give it another profile or delete it first',
    );
  }

  const children = row.children.map((child) => child.name);
  if (children.length > 0) {
    throw new AppError(
      'IN_USE',
      `service profile "${row.name}" is the parent of ` +
        `${describeUsers('service profile', children)}; give it another parent first`,
    );
  }

  await db.serviceProfile.delete({ where: { id } });
}
