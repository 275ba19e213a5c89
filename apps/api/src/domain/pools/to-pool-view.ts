import type { TMemberStatus, TPool } from '@portcullis/contracts';
import type { TLiveStatus } from '../workers/load-live-status.ts';
import { isPreferred, MEMBER_STATUS_ORDER } from '../workers/status-order.ts';
import type { TPoolRow } from './pool-row.ts';

/** A pool as the API shows it, with the live status the workers report. */
export function toPoolView(row: TPoolRow, live: TLiveStatus): TPool {
  const members = row.members.map((member) => ({
    id: member.id,
    nodeName: member.nodeName,
    address: member.address,
    servicePort: member.servicePort,
    ratio: member.ratio,
    enabled: member.enabled,
    status: live.member(row.name, member.address, member.servicePort),
  }));

  // The pool is up when any member is up; otherwise the most telling member state.
  let status: TMemberStatus | undefined;
  for (const member of members) {
    if (isPreferred(MEMBER_STATUS_ORDER, status, member.status)) status = member.status;
  }

  return {
    id: row.id,
    name: row.name,
    description: row.description,
    loadBalancingMethod: row.loadBalancingMethod,
    monitor: row.monitor,
    monitorIntervalSec: row.monitorIntervalSec,
    monitorTimeoutSec: row.monitorTimeoutSec,
    members,
    virtualServers: row.virtualServers.map((server) => server.name),
    status: status ?? 'unknown',
  };
}
