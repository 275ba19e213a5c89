import assert from 'node:assert/strict';
import type { TViolation, TViolationRecord } from '@portcullis/contracts';
import type { THarness } from './protected-worker.ts';
import type { TReply } from './smtp-client.ts';

/**
 * A refusal as a blocking profile sends it: the code, the enhanced code, a Support ID,
 * and the record of that Support ID at the API with the violation and ALARM_BLOCK.
 */
export async function expectBlocked(
  harness: THarness,
  reply: TReply | null | undefined,
  code: number,
  enhancedCode: string | null,
  violation: TViolation,
): Promise<TViolationRecord> {
  assert.ok(reply, 'a reply');
  assert.equal(reply.code, code, reply.text);
  const enhanced = enhancedCode ? `${enhancedCode.replace(/\./g, '\\.')} ` : '';
  assert.match(reply.text, new RegExp(`^${enhanced}\\S.*\\(Support ID: \\w{5}-\\w{5}\\)$`));

  const record = await harness.violationOf(reply);
  assert.equal(record.violation, violation);
  assert.equal(record.action, 'ALARM_BLOCK');
  assert.equal(record.reply, `${reply.code} ${reply.text}`);

  return record;
}

/** A violation a profile only alarms on: recorded (after `since` records), nothing refused. */
export async function expectAlarmed(
  harness: THarness,
  violation: TViolation,
  since: number,
): Promise<TViolationRecord> {
  const find = () =>
    harness.api.violations.slice(since).find((record) => record.violation === violation);
  const deadline = Date.now() + 5_000;
  while (!find() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));

  const record = find();
  assert.ok(record, `an alarm record of ${violation}`);
  assert.equal(record.action, 'ALARM');
  assert.equal(record.reply, '');

  return record;
}
