import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expandMacroString, type MacroContext } from './expand-macros.ts';

// The expansion examples of RFC 7208 section 7.4.
const CONTEXT: MacroContext = {
  sender: 'strong-bad@email.example.com',
  domain: 'email.example.com',
  ip: '192.0.2.3',
  helo: 'mx.example.org',
  receiver: 'receiver.example.net',
};

const EXAMPLES: Array<[string, string]> = [
  ['%{s}', 'strong-bad@email.example.com'],
  ['%{o}', 'email.example.com'],
  ['%{d}', 'email.example.com'],
  ['%{d4}', 'email.example.com'],
  ['%{d3}', 'email.example.com'],
  ['%{d2}', 'example.com'],
  ['%{d1}', 'com'],
  ['%{dr}', 'com.example.email'],
  ['%{d2r}', 'example.email'],
  ['%{l}', 'strong-bad'],
  ['%{l-}', 'strong.bad'],
  ['%{lr}', 'strong-bad'],
  ['%{lr-}', 'bad.strong'],
  ['%{l1r-}', 'strong'],
  ['%{ir}.%{v}._spf.%{d2}', '3.2.0.192.in-addr._spf.example.com'],
  ['%{lr-}.lp._spf.%{d2}', 'bad.strong.lp._spf.example.com'],
  ['%{lr-}.lp.%{ir}.%{v}._spf.%{d2}', 'bad.strong.lp.3.2.0.192.in-addr._spf.example.com'],
  ['%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}', '3.2.0.192.in-addr.strong.lp._spf.example.com'],
  ['%{d2}.trusted-domains.example.net', 'example.com.trusted-domains.example.net'],
];

describe('expandMacroString', () => {
  for (const [macro, expected] of EXAMPLES) {
    it(`should expand ${macro} to ${expected}`, () => {
      assert.equal(expandMacroString(macro, CONTEXT), expected);
    });
  }

  it('should write an IPv6 client as dotted nibbles for %{i}', () => {
    const context = { ...CONTEXT, ip: '2001:db8::cb01' };
    const expected =
      '1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com';

    assert.equal(expandMacroString('%{ir}.%{v}._spf.%{d2}', context), expected);
  });

  it('should URL-escape upper-case macros and expand the escapes', () => {
    const context = { ...CONTEXT, sender: 'jack&jill=up~x@example.com' };

    assert.equal(expandMacroString('%{L}%%%_%-', context), 'jack%26jill%3Dup~x% %20');
  });

  it('should allow %{c}, %{r} and %{t} only in explanation text', () => {
    const context = { ...CONTEXT, ip: '2001:db8:0:0:0:0:0:cb01' };

    const expanded = expandMacroString('%{c} %{r}', context, true);

    assert.equal(expanded, '2001:db8::cb01 receiver.example.net');
    assert.equal(expandMacroString('%{r}.example.com', context), undefined);
    assert.match(expandMacroString('%{t}', context, true) ?? '', /^\d{10}$/);
  });
});
