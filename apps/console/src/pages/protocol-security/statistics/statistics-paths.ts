import { withQuery } from '../../../api/api-fetch.ts';
import type { TViolationFilters } from '../../../api/violations.ts';

export const STATISTICS_PATH = '/protocol-security/statistics';

export const VIOLATION_LIST_PATH = `${STATISTICS_PATH}/violations`;

export const DASHBOARD_PATH = `${STATISTICS_PATH}/dashboard`;

export const STATISTICS_TABS = [
  { label: 'Summary', to: STATISTICS_PATH },
  { label: 'Dashboard', to: DASHBOARD_PATH },
  { label: 'Violations', to: VIOLATION_LIST_PATH },
];

export function violationListPath(filters: TViolationFilters): string {
  return withQuery(VIOLATION_LIST_PATH, filters);
}

export function violationDetailPath(supportId: string): string {
  return `${VIOLATION_LIST_PATH}/${encodeURIComponent(supportId)}`;
}
