import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { can, rolesUpTo, type TPermission } from '../src/auth/permissions.ts';
import { listNavLeaves, navForRole } from '../src/layout/nav-items.ts';

const PERMISSIONS: TPermission[] = [
  'local-traffic:write',
  'security-profiles:write',
  'profile-assignments:write',
  'protection-options:write',
  'system:open',
  'users:manage',
  'audit:read',
];

function allowed(role: Parameters<typeof can>[0]): TPermission[] {
  return PERMISSIONS.filter((permission) => can(role, permission));
}

describe('permissions', () => {
  it('should give the administrator everything', () => {
    assert.deepEqual(allowed('ADMINISTRATOR'), PERMISSIONS);
  });

  it('should let an operator change security profiles and their assignment only', () => {
    assert.deepEqual(allowed('OPERATOR'), ['security-profiles:write', 'profile-assignments:write']);
  });

  it('should let a guest change nothing', () => {
    assert.deepEqual(allowed('GUEST'), []);
  });

  it('should offer token roles up to one\'s own, highest first', () => {
    assert.deepEqual(rolesUpTo('ADMINISTRATOR'), ['ADMINISTRATOR', 'OPERATOR', 'GUEST']);
    assert.deepEqual(rolesUpTo('OPERATOR'), ['OPERATOR', 'GUEST']);
    assert.deepEqual(rolesUpTo('GUEST'), ['GUEST']);
  });
});

describe('navigation by role', () => {
  const labels = (role: Parameters<typeof navForRole>[0]) =>
    listNavLeaves(navForRole(role)).map((leaf) => leaf.label);

  it('should show the administrator the System screens', () => {
    assert.deepEqual(
      listNavLeaves(navForRole('ADMINISTRATOR')).filter((leaf) => leaf.trail[0] === 'System'),
      [
        { label: 'DNS', to: '/system/dns', trail: ['System'] },
        { label: 'Logging', to: '/system/logging', trail: ['System'] },
        { label: 'Users', to: '/system/users', trail: ['System'] },
        { label: 'Audit Log', to: '/system/audit-log', trail: ['System'] },
      ],
    );
  });

  it('should drop the whole System section below Administrator', () => {
    for (const role of ['OPERATOR', 'GUEST'] as const) {
      assert.equal(navForRole(role).some((section) => section.label === 'System'), false);
      assert.ok(labels(role).includes('Virtual Servers'), 'Local Traffic stays readable');
      assert.ok(labels(role).includes('Statistics'));
      assert.ok(!labels(role).includes('Users') && !labels(role).includes('Audit Log'));
    }
  });
});
