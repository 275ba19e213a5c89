// One violation record as one RFC 5424 message: the facts a SIEM filters on go into
// structured data, a sentence for people into MSG.
import type { TViolationRecord } from '@portcullis/contracts';
import { FACILITY, SEVERITY, type TSyslogMessage } from './syslog-format.ts';

export const APP_NAME = 'portcullis';
// 32473 is IANA's example Private Enterprise Number (RFC 5612), meant for documentation;
// receivers filter on the SD-ID, so a number of the project's own would change it.
export const ENTERPRISE_NUMBER = 32473;
export const SD_ID = `${APP_NAME}@${ENTERPRISE_NUMBER}`;

export interface TOrigin {
  // The gateway's name (PORTCULLIS_HOSTNAME) and its process.
  hostname: string;
  procId: string;
  facility?: number;
}

export function violationMessage(record: TViolationRecord, origin: TOrigin): TSyslogMessage {
  const isBlocked = record.action !== 'ALARM';
  const params: Array<[string, string]> = [
    ['supportId', record.supportId],
    ['violation', record.violation],
    ['action', record.action],
    ['virtualServer', record.virtualServer],
    ['securityProfile', record.securityProfile],
    ['client', record.clientAddress],
    ['clientPort', String(record.clientPort)],
  ];
  if (record.helo !== null) params.push(['helo', record.helo]);
  if (record.mailFrom !== null) params.push(['mailFrom', record.mailFrom]);
  params.push(['rcptCount', String(record.rcptTo.length)]);

  return {
    facility: origin.facility ?? FACILITY.local0,
    severity: isBlocked ? SEVERITY.warning : SEVERITY.notice,
    timestamp: record.time,
    hostname: origin.hostname,
    appName: APP_NAME,
    procId: origin.procId,
    msgId: record.violation,
    structuredData: [{ id: SD_ID, params }],
    msg: describe(record, isBlocked),
  };
}

function describe(record: TViolationRecord, isBlocked: boolean): string {
  const verb = isBlocked ? 'blocked' : 'alarmed';
  const note = record.details?.note ? `: ${record.details.note}` : '';
  const reply = record.reply ? `; reply "${record.reply}"` : '';

  const command = `; command "${record.command}"`;

  return `${record.violation} ${verb} (Support ID ${record.supportId})${note}${command}${reply}`;
}
