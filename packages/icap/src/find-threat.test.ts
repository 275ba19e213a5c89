import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findThreat, normalizeHeaderNames } from './find-threat.ts';

const defaults = normalizeHeaderNames(undefined);

describe('findThreat', () => {
  const cases: [string, Record<string, string>, string[], string | null][] = [
    [
      'Threat= in X-Infection-Found',
      { 'x-infection-found': 'Type=0; Resolution=2; Threat=Eicar.Test.UNOFFICIAL;' },
      defaults,
      'Eicar.Test.UNOFFICIAL',
    ],
    ['a plain X-Virus-Name', { 'x-virus-name': ' Win.Trojan.X ' }, defaults, 'Win.Trojan.X'],
    [
      'the first configured header present',
      { 'x-virus-name': 'A', 'x-infection-found': 'Threat=B;' },
      defaults,
      'A',
    ],
    ['no infection header', { istag: '"x"', 'x-violations-found': '1 - V 0 0' }, defaults, null],
    [
      'a violations list when configured',
      { 'x-violations-found': '1 - Some.Virus 0 0' },
      ['x-violations-found'],
      'Some.Virus',
    ],
    ['an empty value', { 'x-virus-name': '' }, defaults, 'unknown'],
    ['Threat= with no name', { 'x-infection-found': 'Type=0; Threat=;' }, defaults, 'unknown'],
    ['control characters', { 'x-virus-name': 'Bad\u0007Name\u0000' }, defaults, 'BadName'],
  ];
  for (const [name, headers, names, expected] of cases) {
    it(`should handle ${name}`, () => {
      assert.equal(findThreat(headers, names), expected);
    });
  }
});

describe('normalizeHeaderNames', () => {
  it('should split the comma-separated setting and lower-case it', () => {
    const names = normalizeHeaderNames(' X-Virus-ID , X-Infection-Found,');

    assert.deepEqual(names, ['x-virus-id', 'x-infection-found']);
  });

  it('should default to X-Virus-Name and X-Infection-Found', () => {
    assert.deepEqual(defaults, ['x-virus-name', 'x-infection-found']);
  });
});
