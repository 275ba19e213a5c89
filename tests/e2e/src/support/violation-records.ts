// Violation records and traffic counters as a worker would send them, for screens
// that show what was recorded.
import type { TTrafficBatch, TViolationBatch, TViolationRecord } from '@portcullis/contracts';

export const SUPPORT_IDS = {
  vrfy: 'K7Q2M-9XD4F',
  expn: 'K7Q2M-9XD4G',
  greylisted: 'H3N8P-2RT5W',
  spf: 'M4V9Z-6QC1B',
};

const MINUTE_MS = 60_000;

function minutesBefore(now: Date, minutes: number): string {
  return new Date(now.getTime() - minutes * MINUTE_MS).toISOString();
}

function record(now: Date, fields: Partial<TViolationRecord>): TViolationRecord {
  return {
    supportId: SUPPORT_IDS.vrfy,
    time: minutesBefore(now, 5),
    protocol: 'SMTP',
    virtualServer: 'vs_guarded',
    serviceProfile: 'smtp_guarded',
    securityProfile: 'strict_mail',
    clientAddress: '198.51.100.7',
    clientPort: 40001,
    helo: 'mx.sender.example',
    mailFrom: 'alice@sender.example',
    rcptTo: ['bob@protected.example', 'carol@protected.example'],
    command: 'VRFY root',
    violation: 'disallowed_method',
    action: 'ALARM_BLOCK',
    reply: '550 5.7.1 VRFY is not allowed here',
    details: null,
    ...fields,
  };
}

/** Two disallowed methods, a greylisted attempt and an SPF fail, minutes ago. */
export function buildViolationBatch(now: Date): TViolationBatch {
  return {
    batchId: `e2e-violations-${now.getTime()}`,
    records: [
      record(now, {
        details: {
          transcript: [
            '220 gateway ESMTP',
            'EHLO mx.sender.example',
            '250-gateway',
            'VRFY root',
            '550 5.7.1 VRFY is not allowed here',
          ],
        },
      }),
      record(now, {
        supportId: SUPPORT_IDS.expn,
        time: minutesBefore(now, 4),
        clientAddress: '198.51.100.8',
        command: 'EXPN staff',
        reply: '550 5.7.1 EXPN is not allowed here',
      }),
      record(now, {
        supportId: SUPPORT_IDS.greylisted,
        time: minutesBefore(now, 3),
        clientAddress: '198.51.100.9',
        command: 'RCPT TO:<bob@protected.example>',
        violation: 'greylisted',
        action: 'ALARM',
        reply: '250 2.1.5 Ok',
      }),
      record(now, {
        supportId: SUPPORT_IDS.spf,
        time: minutesBefore(now, 2),
        clientAddress: '203.0.113.5',
        helo: 'unknown.example',
        mailFrom: 'mallory@bank.example',
        rcptTo: ['bob@protected.example'],
        command: 'MAIL FROM:<mallory@bank.example>',
        violation: 'spf_fail',
        reply: '550 5.7.23 SPF check failed for bank.example',
      }),
    ],
  };
}

function minuteStart(now: Date, minutesAgo: number): string {
  const at = now.getTime() - minutesAgo * MINUTE_MS;

  return new Date(at - (at % MINUTE_MS)).toISOString();
}

/** Two minutes of strict_mail traffic on vs_guarded, and one of unprotected traffic. */
export function buildTrafficBatch(now: Date): TTrafficBatch {
  const strict = { securityProfile: 'strict_mail', virtualServer: 'vs_guarded' };
  const counters = { connections: 7, messages: 5, bytes: 32_768, recipients: 8 };

  return {
    batchId: `e2e-traffic-${now.getTime()}`,
    records: [
      { ...strict, minute: minuteStart(now, 3), ...counters, alarmed: 3, blocked: 1 },
      {
        ...strict,
        minute: minuteStart(now, 2),
        connections: 5,
        messages: 4,
        bytes: 16_384,
        recipients: 7,
        alarmed: 1,
        blocked: 1,
      },
      {
        securityProfile: '(none)',
        virtualServer: 'vs_plain',
        minute: minuteStart(now, 2),
        connections: 3,
        messages: 3,
        bytes: 3_072,
        recipients: 3,
        alarmed: 0,
        blocked: 0,
      },
    ],
  };
}
