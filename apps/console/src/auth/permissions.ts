// Which role may do what in the console. The API checks every request itself; this
// table only decides which screens, buttons and editable forms a role is shown, so
// nobody is offered an action that would be refused. It mirrors the API's rules.
import { hasRole, ROLES, type TRole } from '@portcullis/contracts';

export { ROLES, type TRole };

export const ROLE_LABELS: Record<TRole, string> = {
  ADMINISTRATOR: 'Administrator',
  OPERATOR: 'Operator',
  GUEST: 'Guest',
};

export type TPermission =
  | 'local-traffic:write'
  | 'security-profiles:write'
  | 'profile-assignments:write'
  | 'protection-options:write'
  | 'system:open'
  | 'users:manage'
  | 'audit:read';

// The lowest role allowed each action; every role above it is allowed too.
const MINIMUM_ROLE: Record<TPermission, TRole> = {
  'local-traffic:write': 'ADMINISTRATOR',
  'security-profiles:write': 'OPERATOR',
  'profile-assignments:write': 'OPERATOR',
  // Anti-Virus Protection and Advanced Configuration (the internal parameters).
  'protection-options:write': 'ADMINISTRATOR',
  // DNS and Logging: their settings are not even shown below Administrator.
  'system:open': 'ADMINISTRATOR',
  'users:manage': 'ADMINISTRATOR',
  'audit:read': 'ADMINISTRATOR',
};

export function can(role: TRole, permission: TPermission): boolean {
  return hasRole(role, MINIMUM_ROLE[permission]);
}

/** The roles a user may give an API token: their own and those below it, highest first. */
export function rolesUpTo(role: TRole): TRole[] {
  return ROLES.filter((candidate) => hasRole(role, candidate));
}
