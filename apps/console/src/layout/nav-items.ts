import { can, type TPermission, type TRole } from '../auth/permissions.ts';

// The Main tab's navigation tree. A node with `requires` is shown only to roles
// allowed it (see auth/permissions.ts).
export type TNavNode = {
  label: string;
  to?: string;
  requires?: TPermission;
  children?: TNavNode[];
};

export const MAIN_NAV: TNavNode[] = [
  {
    label: 'Local Traffic',
    children: [
      { label: 'Virtual Servers', to: '/local-traffic/virtual-servers' },
      { label: 'Pools', to: '/local-traffic/pools' },
      {
        label: 'Profiles',
        children: [
          {
            label: 'Services',
            children: [{ label: 'SMTP', to: '/local-traffic/profiles/services/smtp' }],
          },
        ],
      },
    ],
  },
  {
    label: 'Protocol Security',
    children: [
      {
        label: 'Security Profiles',
        children: [{ label: 'SMTP', to: '/protocol-security/security-profiles/smtp' }],
      },
      { label: 'Profiles Assignment', to: '/protocol-security/profiles-assignment' },
      {
        label: 'Options',
        children: [
          { label: 'Anti-Virus Protection', to: '/protocol-security/options/anti-virus' },
          { label: 'Advanced Configuration', to: '/protocol-security/options/advanced' },
        ],
      },
      { label: 'Statistics', to: '/protocol-security/statistics' },
    ],
  },
  {
    label: 'System',
    requires: 'system:open',
    children: [
      { label: 'DNS', to: '/system/dns' },
      { label: 'Logging', to: '/system/logging' },
      { label: 'Users', to: '/system/users', requires: 'users:manage' },
      { label: 'Audit Log', to: '/system/audit-log', requires: 'audit:read' },
    ],
  },
];

/** The tree as a role sees it: entries it may not open, and groups left empty, go. */
export function navForRole(role: TRole, nodes: TNavNode[] = MAIN_NAV): TNavNode[] {
  return nodes.flatMap((node) => {
    if (node.requires && !can(role, node.requires)) return [];
    if (!node.children) return [node];
    const children = navForRole(role, node.children);

    return children.length > 0 || node.to ? [{ ...node, children }] : [];
  });
}

export type TNavLeaf = { label: string; to: string; trail: string[] };

/** Every linked entry with the labels above it, e.g. SMTP under Protocol Security. */
export function listNavLeaves(nodes: TNavNode[] = MAIN_NAV, trail: string[] = []): TNavLeaf[] {
  return nodes.flatMap((node) => {
    const here = node.to
      ? [{ label: node.label, to: node.to, trail }]
      : [];

    return [...here, ...listNavLeaves(node.children ?? [], [...trail, node.label])];
  });
}
