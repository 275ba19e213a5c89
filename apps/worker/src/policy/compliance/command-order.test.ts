import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TCommandFacts } from './command-facts.ts';
import { findOutOfSequence } from './find-out-of-sequence.ts';
import { findPipelining } from './find-pipelining.ts';

const BASE: TCommandFacts = {
  text: '',
  verb: '',
  octets: 0,
  isBareLf: false,
  isPipelined: false,
  previousVerb: 'EHLO',
  isPipeliningOffered: true,
  hasGreeted: true,
  hasTriedMail: false,
  hasTriedRcpt: false,
};

describe('findPipelining (RFC 2920 3.1)', () => {
  for (const [label, facts, found] of [
    ['a command that waited', { isPipelined: false }, 0],
    ['RCPT behind MAIL after EHLO', { verb: 'RCPT', previousVerb: 'MAIL', isPipelined: true }, 0],
    ['MAIL behind the data', { verb: 'MAIL', previousVerb: '<DATA>', isPipelined: true }, 0],
    ['MAIL behind RSET', { verb: 'MAIL', previousVerb: 'RSET', isPipelined: true }, 0],
    ['MAIL behind NOOP', { verb: 'MAIL', previousVerb: 'NOOP', isPipelined: true }, 1],
    ['anything behind EHLO', { verb: 'MAIL', previousVerb: 'EHLO', isPipelined: true }, 1],
    ['MAIL behind STARTTLS', { verb: 'MAIL', previousVerb: 'STARTTLS', isPipelined: true }, 1],
    [
      'RCPT behind MAIL after HELO',
      { verb: 'RCPT', previousVerb: 'MAIL', isPipelined: true, isPipeliningOffered: false },
      1,
    ],
    ['the first command (early talk)', { verb: 'EHLO', previousVerb: null, isPipelined: true }, 0],
  ] as const) {
    it(`should judge ${label}`, () => {
      const finding = findPipelining({ ...BASE, ...facts });

      assert.equal(finding?.violation, found ? 'rfc_unauthorized_pipelining' : undefined);
    });
  }
});

describe('findOutOfSequence (RFC 5321 4.1.4)', () => {
  for (const [label, facts, found] of [
    ['MAIL after EHLO', { verb: 'MAIL' }, 0],
    ['MAIL before HELO', { verb: 'MAIL', hasGreeted: false }, 1],
    ['RCPT before MAIL', { verb: 'RCPT' }, 1],
    ['RCPT after a refused MAIL', { verb: 'RCPT', hasTriedMail: true }, 0],
    ['DATA before MAIL', { verb: 'DATA' }, 1],
    ['DATA before RCPT', { verb: 'DATA', hasTriedMail: true }, 1],
    ['DATA after refused RCPTs', { verb: 'DATA', hasTriedMail: true, hasTriedRcpt: true }, 0],
    ['NOOP anywhere', { verb: 'NOOP', hasGreeted: false }, 0],
  ] as const) {
    it(`should judge ${label}`, () => {
      const finding = findOutOfSequence({ ...BASE, ...facts });

      assert.equal(finding?.violation, found ? 'rfc_sequence' : undefined);
    });
  }
});
