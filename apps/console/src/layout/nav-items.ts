// The Main tab's navigation tree. Leaves without a screen yet are routed to a
// placeholder (see routes.tsx), so every entry already has its own URL.
export type TNavNode = {
  label: string;
  to?: string;
  isPlaceholder?: boolean;
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
    children: [
      { label: 'DNS', to: '/system/dns' },
      { label: 'Logging', to: '/system/logging' },
      // Users, roles and API tokens come with sign-in.
      placeholder('Users', '/system/users'),
    ],
  },
];

function placeholder(label: string, to: string): TNavNode {
  return { label, to, isPlaceholder: true };
}

export type TNavLeaf = { label: string; to: string; trail: string[]; isPlaceholder: boolean };

/** Every linked entry with the labels above it, e.g. SMTP under Protocol Security. */
export function listNavLeaves(nodes: TNavNode[] = MAIN_NAV, trail: string[] = []): TNavLeaf[] {
  return nodes.flatMap((node) => {
    const here = node.to
      ? [{ label: node.label, to: node.to, trail, isPlaceholder: Boolean(node.isPlaceholder) }]
      : [];

    return [...here, ...listNavLeaves(node.children ?? [], [...trail, node.label])];
  });
}
