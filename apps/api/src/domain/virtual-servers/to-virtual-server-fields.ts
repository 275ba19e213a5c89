import type { TVirtualServerFields } from '../../schemas/virtual-server-schemas.ts';
import type { TVirtualServerRow } from './virtual-server-row.ts';

/** A stored virtual server in the shape of its input, to merge an update onto. */
export function toVirtualServerFields(row: TVirtualServerRow): TVirtualServerFields {
  return {
    name: row.name,
    description: row.description,
    destinationType: row.destinationType,
    destinationAddress: row.destinationAddress,
    destinationMask: row.destinationMask,
    servicePort: row.servicePort,
    configuration: row.configuration,
    serviceProfile: row.serviceProfile?.name ?? null,
    snatPool: row.snatPool,
    defaultPool: row.defaultPool?.name ?? null,
    enabled: row.enabled,
    tlsCertificate: row.tlsCertificate,
    tlsKey: row.tlsKey,
  };
}
