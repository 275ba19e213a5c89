import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VIOLATION_NAMES } from '@portcullis/contracts';
import { BLOCK_REPLIES, formatReply, isClosingReply, TEMPORARY_REPLIES } from '../../src/index.ts';

describe('BLOCK_REPLIES', () => {
  it('should have a reply for every violation, whose enhanced class matches the code', () => {
    assert.deepEqual(Object.keys(BLOCK_REPLIES).sort(), [...VIOLATION_NAMES].sort());

    for (const [violation, reply] of Object.entries({ ...BLOCK_REPLIES, ...TEMPORARY_REPLIES })) {
      const codeClass = String(reply.code)[0];
      assert.match(String(reply.code), /^[45]\d\d$/, violation);
      assert.match(reply.enhanced, /^[45]\.\d{1,3}\.\d{1,3}$/, violation);
      assert.equal(reply.enhanced[0], codeClass, `${violation}: RFC 3463 2, class = reply class`);
      assert.ok(!/[\r\n]/.test(reply.text), violation);
    }
  });

  const expected = [
    ['greylisted', 451, '4.7.1'],
    ['rate_limit_client', 421, '4.7.0'],
    ['rate_limit_sender', 451, '4.7.0'],
    ['rate_limit_concurrency', 421, '4.7.0'],
    ['relay_denied', 550, '5.7.1'],
    ['message_too_large', 552, '5.3.4'],
    ['too_many_recipients', 452, '4.5.3'],
    ['spf_fail', 550, '5.7.23'],
    ['spf_temperror', 451, '4.7.24'],
    ['spf_permerror', 550, '5.7.24'],
    ['virus_detected', 554, '5.7.0'],
    ['disallowed_method', 502, '5.5.1'],
    ['rfc_unknown_command', 500, '5.5.1'],
    ['rfc_sequence', 503, '5.5.1'],
    ['rfc_syntax', 501, '5.5.2'],
  ] as const;

  for (const [violation, code, enhanced] of expected) {
    it(`should answer ${violation} with ${code} ${enhanced}`, () => {
      assert.equal(BLOCK_REPLIES[violation].code, code);
      assert.equal(BLOCK_REPLIES[violation].enhanced, enhanced);
    });
  }

  it('should make transient conditions 4xx and policy 5xx', () => {
    const transient = ['greylisted', 'spf_temperror', 'too_many_recipients', 'directory_harvest'];
    for (const violation of transient) {
      assert.equal(Math.floor(BLOCK_REPLIES[violation as 'greylisted'].code / 100), 4, violation);
    }
    assert.equal(TEMPORARY_REPLIES.dns_unavailable.code, 451);
    assert.equal(TEMPORARY_REPLIES.counters_unavailable.code, 451);
  });
});

describe('formatReply', () => {
  it('should append the Support ID, with or without the enhanced code', () => {
    const reply = BLOCK_REPLIES.relay_denied;

    const suffix = '(Support ID: K7Q2M-9XD4F)';

    assert.equal(formatReply(reply, 'K7Q2M-9XD4F'), `550 5.7.1 Relay access denied ${suffix}`);
    assert.equal(formatReply(reply, 'K7Q2M-9XD4F', false), `550 Relay access denied ${suffix}`);
    assert.equal(isClosingReply(BLOCK_REPLIES.rate_limit_concurrency), true);
    assert.equal(isClosingReply(reply), false);
  });
});
