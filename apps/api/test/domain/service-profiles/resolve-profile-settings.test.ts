import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  resolveProfileSettings,
  type TProfileRow,
} from '../../../src/domain/service-profiles/resolve-profile-settings.ts';

const SMTP: TProfileRow = {
  id: 1,
  parentId: null,
  protocolSecurity: false,
  securityProfileId: null,
};

describe('resolveProfileSettings', () => {
  const cases: Array<{
    name: string;
    rows: TProfileRow[];
    expected: Record<number, { protocolSecurity: boolean; securityProfileId: number | null }>;
  }> = [
    {
      name: 'should inherit a null setting from the parent',
      rows: [
        { ...SMTP, protocolSecurity: true },
        { id: 2, parentId: 1, protocolSecurity: null, securityProfileId: null },
      ],
      expected: { 2: { protocolSecurity: true, securityProfileId: 10 } },
    },
    {
      name: 'should let a Custom value win over the parent',
      rows: [
        { ...SMTP, protocolSecurity: true },
        { id: 2, parentId: 1, protocolSecurity: false, securityProfileId: null },
      ],
      expected: { 2: { protocolSecurity: false, securityProfileId: 10 } },
    },
    {
      name: 'should inherit through several generations and take the nearest assignment',
      rows: [
        SMTP,
        { id: 2, parentId: 1, protocolSecurity: true, securityProfileId: 20 },
        { id: 3, parentId: 2, protocolSecurity: null, securityProfileId: null },
        { id: 4, parentId: 3, protocolSecurity: null, securityProfileId: 30 },
      ],
      expected: {
        3: { protocolSecurity: true, securityProfileId: 20 },
        4: { protocolSecurity: true, securityProfileId: 30 },
      },
    },
    {
      name: 'should treat an unset root as off',
      rows: [{ ...SMTP, protocolSecurity: null }],
      expected: { 1: { protocolSecurity: false, securityProfileId: 10 } },
    },
    {
      name: 'should stop at a damaged chain instead of looping',
      rows: [
        { id: 5, parentId: 6, protocolSecurity: null, securityProfileId: null },
        { id: 6, parentId: 5, protocolSecurity: null, securityProfileId: null },
      ],
      expected: { 5: { protocolSecurity: false, securityProfileId: 10 } },
    },
  ];

  for (const { name, rows, expected } of cases) {
    it(name, () => {
      const resolved = resolveProfileSettings(rows, 10);

      for (const [id, value] of Object.entries(expected)) {
        assert.deepEqual(resolved.get(Number(id)), value);
      }
    });
  }
});
