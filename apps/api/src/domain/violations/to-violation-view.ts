import type { TViolationRecord } from '@portcullis/contracts';
import type { Violation } from '@portcullis/db';
import type { TViolationView } from '../../schemas/violation-schemas.ts';

/** A stored violation as the API shows it. */
export function toViolationView(row: Violation): TViolationView {
  return {
    id: Number(row.id),
    supportId: row.supportId,
    time: row.time.toISOString(),
    protocol: row.protocol as TViolationRecord['protocol'],
    virtualServer: row.virtualServer,
    serviceProfile: row.serviceProfile,
    securityProfile: row.securityProfile,
    clientAddress: row.clientAddress,
    clientPort: row.clientPort,
    helo: row.helo,
    mailFrom: row.mailFrom,
    rcptTo: row.rcptTo,
    command: row.command,
    violation: row.violation as TViolationRecord['violation'],
    action: row.action as TViolationRecord['action'],
    reply: row.reply,
    details: (row.details ?? null) as TViolationRecord['details'],
    workerId: row.workerId,
  };
}
