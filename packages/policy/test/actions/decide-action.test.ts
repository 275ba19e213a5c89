import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DEFAULT_VIOLATION_ACTIONS,
  VIOLATION_NAMES,
  type TViolationActions,
} from '@portcullis/contracts';
import {
  decideAction,
  isAlarming,
  isBlocking,
  isCheckEnabled,
  violationsOfCheck,
} from '../../src/index.ts';

const actionsWith = (changes: Partial<TViolationActions>): TViolationActions => ({
  ...DEFAULT_VIOLATION_ACTIONS,
  ...changes,
});

describe('decideAction', () => {
  const cases = [
    [{ alarm: true, block: true }, 'ALARM_BLOCK', true, true],
    [{ alarm: false, block: true }, 'BLOCK', true, false],
    [{ alarm: true, block: false }, 'ALARM', false, true],
    [{ alarm: false, block: false }, 'skip', false, false],
  ] as const;

  for (const [flags, expected, blocks, alarms] of cases) {
    it(`should map alarm=${flags.alarm} block=${flags.block} to ${expected}`, () => {
      const decision = decideAction('spf_fail', actionsWith({ spf_fail: flags }));

      assert.equal(decision, expected);
      assert.equal(isBlocking(decision), blocks);
      assert.equal(isAlarming(decision), alarms);
    });
  }

  it('should fall back to the default for a violation missing from the actions', () => {
    const { greylisted: _dropped, ...older } = DEFAULT_VIOLATION_ACTIONS;

    assert.equal(decideAction('greylisted', older as TViolationActions), 'ALARM_BLOCK');
  });
});

describe('isCheckEnabled', () => {
  it('should run a check while any of its violations has a flag set', () => {
    const spf = violationsOfCheck('spf');
    const off = { alarm: false, block: false };
    const onlySoftfail = actionsWith({
      spf_fail: off,
      spf_temperror: off,
      spf_permerror: off,
      spf_softfail: { alarm: true, block: false },
    });
    const none = actionsWith({ ...Object.fromEntries(spf.map((name) => [name, off])) });

    assert.deepEqual(spf, ['spf_fail', 'spf_softfail', 'spf_temperror', 'spf_permerror']);
    assert.equal(isCheckEnabled(spf, onlySoftfail), true);
    assert.equal(isCheckEnabled(spf, none), false);
    assert.equal(isCheckEnabled('spf_fail', none), false);
    assert.equal(isCheckEnabled('greylisted', none), true);
  });

  it('should cover every violation with exactly one check', () => {
    const checks = ['compliance', 'methods', 'rateLimits', 'greylisting', 'spf', 'harvest',
      'validation', 'antivirus'] as const;
    const covered = checks.flatMap((check) => violationsOfCheck(check));

    assert.deepEqual([...covered].sort(), [...VIOLATION_NAMES].sort());
  });
});
