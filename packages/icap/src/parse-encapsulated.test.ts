import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseEncapsulated } from './parse-encapsulated.ts';

describe('parseEncapsulated', () => {
  const valid: [string | undefined, number, boolean][] = [
    [undefined, 0, false],
    ['null-body=0', 0, false],
    ['res-hdr=0, res-body=161', 161, true],
    ['req-hdr=0, res-hdr=45, res-body=112', 112, true],
    ['req-hdr=0, null-body=70', 70, false],
    ['opt-body=0', 0, true],
  ];
  for (const [value, headerBytes, hasBody] of valid) {
    it(`should read ${value ?? 'a missing header'}`, () => {
      const parsed = parseEncapsulated(value);

      assert.equal(parsed.headerBytes, headerBytes);
      assert.equal(parsed.hasBody, hasBody);
    });
  }

  const invalid = [
    'res-hdr=0',
    'res-body=0, res-hdr=10',
    'res-hdr=0, res-body=x',
    'req-hdr=50, res-hdr=10, res-body=90',
    'res-hdr=4, res-body=90',
    '',
  ];
  for (const value of invalid) {
    it(`should refuse "${value}"`, () => {
      assert.throws(() => parseEncapsulated(value), /Encapsulated/);
    });
  }
});
