import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SECURITY_PROFILE_SETTINGS } from '@portcullis/contracts';
import { checkMethod } from '../../src/index.ts';

const DEFAULTS = DEFAULT_SECURITY_PROFILE_SETTINGS.methods;
const ONLY_BASICS = { disallowed: [], allowed: ['ehlo', 'HELO', 'Mail', 'RCPT', 'DATA', 'QUIT'] };
const BOTH = { disallowed: ['RCPT'], allowed: ['MAIL', 'RCPT'] };

const CASES: Array<[string, typeof DEFAULTS, string, string | null]> = [
  ['defaults refuse VRFY', DEFAULTS, 'VRFY', 'disallowed'],
  ['in lower case', DEFAULTS, 'vrfy', 'disallowed'],
  ['in mixed case', DEFAULTS, 'ExPn', 'disallowed'],
  ['with an argument', DEFAULTS, 'vrfy postmaster', 'disallowed'],
  ['with spaces and CRLF', DEFAULTS, '  ETRN example.com\r\n', 'disallowed'],
  ['with a tab', DEFAULTS, 'VRFY\tuser', 'disallowed'],
  ['defaults pass MAIL', DEFAULTS, 'MAIL FROM:<a@example.com>', null],
  ['defaults pass NOOP', DEFAULTS, 'noop', null],
  ['a verb merely starting like a listed one', DEFAULTS, 'VRFYX', null],
  ['an empty line is left to protocol compliance', DEFAULTS, '   ', null],
  ['the allowed list passes its verbs in any case', ONLY_BASICS, 'mail from:<>', null],
  ['the allowed list refuses the rest', ONLY_BASICS, 'RSET', 'not on the allowed'],
  ['the allowed list refuses NOOP too', ONLY_BASICS, 'noop', 'not on the allowed'],
  ['disallowed wins over allowed', BOTH, 'rcpt to:<a@b>', 'disallowed'],
];

describe('checkMethod', () => {
  for (const [name, settings, command, expected] of CASES) {
    it(`should judge: ${name}`, () => {
      const found = checkMethod(command, settings);

      if (expected === null) {
        assert.equal(found, null);
        return;
      }
      assert.equal(found?.violation, 'disallowed_method');
      assert.match(found?.detail ?? '', new RegExp(expected));
    });
  }
});
