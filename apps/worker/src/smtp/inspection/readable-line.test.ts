import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readableLine } from './readable-line.ts';

describe('readableLine', () => {
  it('should show ASCII as it is', () => {
    assert.equal(readableLine(Buffer.from('VRFY root')), 'VRFY root');
  });

  it('should show UTF-8 as the characters sent', () => {
    assert.equal(readableLine(Buffer.from('EXPN café', 'utf8')), 'EXPN café');
  });

  it('should show octets that are not UTF-8 as \\xNN', () => {
    assert.equal(readableLine(Buffer.from('EXPN caf\xe9', 'latin1')), 'EXPN caf\\xe9');
  });
});
