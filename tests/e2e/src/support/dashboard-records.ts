// A week of traffic and violations as workers would have sent them, for the dashboard.
// Nothing lies near the edge of an hour, day or week window, so the totals stay the
// same while the test runs even as the windows move on with the clock.
import type {
  TTrafficBatch,
  TTrafficRecord,
  TViolationBatch,
  TViolationRecord,
} from '@portcullis/contracts';

const MINUTE_MS = 60_000;
const HOUR_MINUTES = 60;
const DAY_MINUTES = 24 * HOUR_MINUTES;

export type TTrafficTotals = Omit<TTrafficRecord, 'minute' | 'securityProfile' | 'virtualServer'>;

function minuteStart(now: Date, minutesAgo: number): string {
  const at = now.getTime() - minutesAgo * MINUTE_MS;

  return new Date(at - (at % MINUTE_MS)).toISOString();
}

function trafficAt(
  now: Date,
  minutesAgo: number,
  messages: number,
  index: number,
): TTrafficRecord {
  return {
    minute: minuteStart(now, minutesAgo),
    securityProfile: 'strict_mail',
    virtualServer: index % 4 === 0 ? 'vs_partner' : 'vs_guarded',
    connections: messages + 1,
    messages,
    bytes: messages * 6_000,
    recipients: messages * 2,
    alarmed: index % 9 === 0 ? 1 : 0,
    blocked: index % 13 === 0 ? 1 : 0,
  };
}

/**
 * Minutes 6 to 50 ago one by one; then every 20 minutes from 80 minutes to 22 hours
 * ago and from 26 hours to 6 days ago, so the hour, the day and the week differ.
 */
export function buildTrafficHistory(now: Date): TTrafficBatch {
  const records: TTrafficRecord[] = [];

  for (let ago = 6; ago <= 50; ago += 1) {
    records.push(trafficAt(now, ago, 2 + ((ago * 7) % 5), ago));
  }
  for (let ago = 80; ago <= 6 * DAY_MINUTES; ago += 20) {
    if (ago > 22 * HOUR_MINUTES && ago < 26 * HOUR_MINUTES) continue;
    records.push(trafficAt(now, ago, 3 + (ago % 7), ago / 20));
  }

  return { batchId: `e2e-traffic-history-${now.getTime()}`, records };
}

/** The sums of the records of the last `minutes`; pick a cut-off between records. */
export function sumTraffic(batches: TTrafficBatch[], now: Date, minutes: number): TTrafficTotals {
  const since = now.getTime() - minutes * MINUTE_MS;
  const totals = { connections: 0, messages: 0, bytes: 0, recipients: 0, alarmed: 0, blocked: 0 };

  for (const record of batches.flatMap((batch) => batch.records)) {
    if (Date.parse(record.minute) < since) continue;
    for (const key of Object.keys(totals) as Array<keyof TTrafficTotals>) {
      totals[key] += record[key];
    }
  }

  return totals;
}

function violationAt(
  now: Date,
  minutesAgo: number,
  fields: Partial<TViolationRecord>,
): TViolationRecord {
  return {
    supportId: 'A0000-00000',
    time: new Date(now.getTime() - minutesAgo * MINUTE_MS).toISOString(),
    protocol: 'SMTP',
    virtualServer: 'vs_guarded',
    serviceProfile: 'smtp_guarded',
    securityProfile: 'strict_mail',
    clientAddress: '192.0.2.10',
    clientPort: 41000,
    helo: 'relay.example',
    mailFrom: 'news@relay.example',
    rcptTo: ['bob@protected.example'],
    command: 'RCPT TO:<bob@protected.example>',
    violation: 'greylisted',
    action: 'ALARM',
    reply: '450 4.7.1 Greylisted, try again later',
    details: null,
    ...fields,
  };
}

/** Greylisting over the last day (5, older than an hour) and rate limits days ago (3). */
export function buildOlderViolations(now: Date): TViolationBatch {
  const greylisted = [2, 4, 8, 12, 20].map((hours, index) =>
    violationAt(now, hours * HOUR_MINUTES, {
      supportId: `G000${index}-DASH0`,
      clientAddress: `192.0.2.${10 + index}`,
    }),
  );
  const limited = [2, 3, 4].map((days, index) =>
    violationAt(now, days * DAY_MINUTES, {
      supportId: `R000${index}-DASH0`,
      clientAddress: '203.0.113.9',
      command: 'MAIL FROM:<bulk@flood.example>',
      violation: 'rate_limit_client',
      action: 'ALARM_BLOCK',
      reply: '421 4.7.0 Too many messages from 203.0.113.9, slow down',
    }),
  );

  const records = [...greylisted, ...limited];

  return { batchId: `e2e-violations-older-${now.getTime()}`, records };
}
