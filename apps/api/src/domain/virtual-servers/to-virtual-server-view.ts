import type { TVirtualServer } from '@portcullis/contracts';
import type { TLiveStatus } from '../workers/load-live-status.ts';
import type { TVirtualServerRow } from './virtual-server-row.ts';

/** A virtual server as the API shows it: the TLS key never leaves the database. */
export function toVirtualServerView(row: TVirtualServerRow, live: TLiveStatus): TVirtualServer {
  const { status, reason } = live.listener(row.name);

  return {
    id: row.id,
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
    hasTlsKey: Boolean(row.tlsKey),
    status,
    statusReason: reason,
  };
}
