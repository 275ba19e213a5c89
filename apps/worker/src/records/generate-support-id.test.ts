import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SUPPORT_ID_PATTERN } from '@portcullis/contracts';
import { generateSupportId } from './generate-support-id.ts';

describe('generateSupportId', () => {
  it('should match the contract and never repeat in a few thousand draws', () => {
    const ids = Array.from({ length: 5_000 }, generateSupportId);

    for (const id of ids) assert.match(id, SUPPORT_ID_PATTERN);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('should draw on every Crockford symbol and none of I, L, O, U', () => {
    const text = Array.from({ length: 2_000 }, generateSupportId).join('');
    const symbols = new Set(text.replace(/-/g, ''));

    assert.equal(symbols.size, 32);
    for (const letter of 'ILOU') assert.equal(symbols.has(letter), false, letter);
  });
});
