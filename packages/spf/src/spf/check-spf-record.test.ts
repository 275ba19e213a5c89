import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkSpfRecord } from './check-spf-record.ts';

// RFC 7208 section 12 grammar; each row is a record and whether it is valid.
const CASES: Array<[string, boolean]> = [
  ['v=spf1', true],
  ['V=SPF1 -ALL', true],
  ['v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 a mx/24//64 ptr ~all', true],
  ['v=spf1 a:%{l}.%{d2r}.example.com include:_spf.example.com ?all', true],
  ['v=spf1 exists:%{i}._spf.%{d} redirect=_spf.example.com exp=exp.%{d}', true],
  ['v=spf1 foo.bar-baz_q=any:thing/%% -all', true],
  ['v=spf1  a   -all  ', true],
  ['v=spf1 a:foo:bar/baz.example.com', true],
  ['v=spf1 ip6', false],
  ['v=spf1 ip4:192.0.2.1//32', false],
  ['v=spf1 ip4:192.0.2.01', false],
  ['v=spf1 ip4:192.0.2.0/33', false],
  ['v=spf1 ip6:2001:db8::/129', false],
  ['v=spf1 a/024', false],
  ['v=spf1 ptr/24', false],
  ['v=spf1 -all.', false],
  ['v=spf1 -all:foo', false],
  ['v=spf1 include', false],
  ['v=spf1 include:', false],
  ['v=spf1 a:example.-com', false],
  ['v=spf1 a:example.123', false],
  ['v=spf1 a:museum', false],
  ['v=spf1 a:%{x}.example.com', false],
  ['v=spf1 a:%{d0}.example.com', false],
  ['v=spf1 a:50%.example.com', false],
  ['v=spf1 exists:%{r}.example.com', false],
  ['v=spf1 exp=a.example.com exp=b.example.com', false],
  ['v=spf1 redirect=a.example.com redirect=b.example.com', false],
  ['v=spf1 exp=-all', false],
  ['v=spf1 a:example.com\rptr', false],
  ['v=spf1 \u0080a:example.com', false],
  ['v=spf1 moo', false],
  ['v=spf1 -all foo=%', false],
];

describe('checkSpfRecord', () => {
  for (const [record, isValid] of CASES) {
    it(`should call ${JSON.stringify(record)} ${isValid ? 'valid' : 'invalid'}`, () => {
      const problem = checkSpfRecord(record);

      assert.equal(problem === undefined, isValid, problem);
    });
  }
});
