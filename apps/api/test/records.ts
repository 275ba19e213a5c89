import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { TTrafficRecord, ZViolationRecord } from '@portcullis/contracts';
import type { z } from 'zod';
import { type TTestContext, WORKER_AUTH } from './helper.ts';

export type TViolationInput = z.input<typeof ZViolationRecord>;

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
let issued = 0;

/** A fresh, well-formed Support ID: `00000-00001`, `00000-00002`, ... */
export function nextSupportId(): string {
  issued += 1;
  let digits = '';
  for (let n = issued; digits.length < 10; n = Math.floor(n / 32)) {
    digits = CROCKFORD[n % 32] + digits;
  }

  return `${digits.slice(0, 5)}-${digits.slice(5)}`;
}

export function violationRecord(overrides: Partial<TViolationInput> = {}): TViolationInput {
  return {
    supportId: nextSupportId(),
    time: '2026-03-01T12:00:00.000Z',
    protocol: 'SMTP',
    virtualServer: 'vs_mail',
    serviceProfile: 'smtp_secure',
    securityProfile: 'smtp_security',
    clientAddress: '192.0.2.10',
    clientPort: 40000,
    helo: 'client.example',
    mailFrom: 'sender@example.org',
    rcptTo: ['user@example.com'],
    command: 'VRFY user',
    violation: 'disallowed_method',
    action: 'ALARM_BLOCK',
    reply: '502 5.5.1 VRFY not allowed (Support ID 00000-00000)',
    ...overrides,
  };
}

export function trafficRecord(overrides: Partial<TTrafficRecord> = {}): TTrafficRecord {
  return {
    minute: '2026-03-01T12:00:00.000Z',
    securityProfile: 'smtp_security',
    virtualServer: 'vs_mail',
    connections: 1,
    messages: 1,
    bytes: 1000,
    recipients: 1,
    alarmed: 0,
    blocked: 0,
    ...overrides,
  };
}

export const WORKER_HEADERS = { ...WORKER_AUTH, 'x-portcullis-worker': 'worker-test' };

/** Posts a batch on the internal channel, as a worker does. */
export async function postBatch(
  context: TTestContext,
  kind: 'violations' | 'traffic',
  records: unknown[],
  batchId: string = randomUUID(),
) {
  return context.app.inject({
    method: 'POST',
    url: `/internal/v1/${kind}`,
    headers: WORKER_HEADERS,
    payload: { batchId, records },
  });
}

/** Posts a batch that must be accepted in full. */
export async function ingest(
  context: TTestContext,
  kind: 'violations' | 'traffic',
  records: unknown[],
) {
  const response = await postBatch(context, kind, records);
  assert.equal(response.statusCode, 200, response.body);
  assert.deepEqual(response.json(), { accepted: records.length, duplicate: false });
}
