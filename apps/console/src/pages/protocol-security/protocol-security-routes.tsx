import type { RouteObject } from 'react-router';
import type { TRouteHandle } from '../../layout/route-handle.ts';
import { listScreens, type TLazyScreenRoute } from '../../layout/screen-routes.ts';
import { SECURITY_PROFILE_LIST_PATH } from './security-profiles/security-profile-paths.ts';
import { STATISTICS_TABS, VIOLATION_LIST_PATH } from './statistics/statistics-paths.ts';
import { violationObjectName } from './statistics/violation-object-name.ts';

const TRAIL = ['Protocol Security'];

const SECURITY_PROFILES = listScreens(
  [...TRAIL, 'Security Profiles'],
  'SMTP',
  SECURITY_PROFILE_LIST_PATH,
  'Security Profile',
  'security-profiles:write',
);

function screenOf(trail: string[], screen: string): TRouteHandle {
  return { trail: [...TRAIL, ...trail], screen };
}

const STATISTICS = { trail: [...TRAIL, 'Statistics'], tabs: STATISTICS_TABS };
const SUMMARY: TRouteHandle = { ...STATISTICS, screen: 'Summary' };
const DASHBOARD: TRouteHandle = { ...STATISTICS, screen: 'Dashboard' };
const VIOLATIONS: TRouteHandle = { ...STATISTICS, screen: 'Violations' };
const VIOLATION: TRouteHandle = {
  ...VIOLATIONS,
  screenTo: VIOLATION_LIST_PATH,
  object: violationObjectName,
};

/**
 * Security profiles, their assignment, the anti-virus options and the statistics.
 * Their code is one chunk, the pages module's, fetched on the first visit to any. The
 * dashboard is a chunk of its own, with the chart library only it uses.
 */
export function protocolSecurityRoutes(screen: TLazyScreenRoute): RouteObject[] {
  const pages = () => import('./protocol-security-pages.tsx');
  const dashboard = () => import('./statistics/dashboard/dashboard-screen.tsx');

  return [
    {
      path: 'protocol-security/security-profiles/smtp',
      children: [
        screen(null, SECURITY_PROFILES.list, async () => (await pages()).securityProfileList),
        screen('new', SECURITY_PROFILES.create, async () => (await pages()).securityProfileCreate),
        screen(':id', SECURITY_PROFILES.edit, async () => (await pages()).securityProfileEdit),
      ],
    },
    screen(
      'protocol-security/profiles-assignment',
      screenOf([], 'Profiles Assignment'),
      async () => (await pages()).profilesAssignment,
    ),
    screen(
      'protocol-security/options/anti-virus',
      screenOf(['Options'], 'Anti-Virus Protection'),
      async () => (await pages()).antiVirus,
    ),
    screen(
      'protocol-security/options/advanced',
      screenOf(['Options'], 'Advanced Configuration'),
      async () => (await pages()).advancedConfiguration,
    ),
    {
      path: 'protocol-security/statistics',
      children: [
        screen(null, SUMMARY, async () => (await pages()).statistics),
        screen('dashboard', DASHBOARD, async () => (await dashboard()).dashboard),
        screen('violations', VIOLATIONS, async () => (await pages()).violationList),
        screen('violations/:supportId', VIOLATION, async () => (await pages()).violationDetail),
      ],
    },
  ];
}
