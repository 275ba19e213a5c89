import type { TDb } from '../../db.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TVirtualServerFields } from '../../schemas/virtual-server-schemas.ts';

/**
 * Two virtual servers with the same destination and port would compete for one
 * listening socket on every worker, so the second is refused here.
 */
export async function assertDestinationFree(
  db: TDb,
  server: TVirtualServerFields,
  selfId?: number,
): Promise<void> {
  const twin = await db.virtualServer.findFirst({
    where: {
      destinationType: server.destinationType,
      destinationAddress: server.destinationAddress,
      destinationMask: server.destinationMask,
      servicePort: server.servicePort,
      ...(selfId ? { id: { not: selfId } } : {}),
    },
  });
  if (!twin) return;

  throw new AppError(
    'CONFLICT',
    `virtual server "${twin.name}" already listens on ` +
      `${server.destinationAddress} port ${server.servicePort}; change the address or port`,
    { field: 'destinationAddress' },
  );
}
