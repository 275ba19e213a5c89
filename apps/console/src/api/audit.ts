import { AUDIT_ACTIONS, type TAuditEntry, type TAuditPage } from '@portcullis/contracts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiFetch, withQuery } from './api-fetch.ts';

// The audit log (Administrator only): who changed what, newest first, paged by cursor.
export type { TAuditEntry, TAuditPage };

export type TAuditParams = {
  actor?: string | undefined;
  objectType?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
};

export { AUDIT_ACTIONS };

// The kinds of object the API records changes to, for the filter's choices.
export const AUDIT_OBJECT_TYPES = [
  'virtual-server',
  'pool',
  'service-profile',
  'security-profile',
  'profile-assignment',
  'antivirus',
  'internal-parameter',
  'dns',
  'logging',
  'user',
  'token',
  'session',
] as const;

export const auditKeys = {
  all: ['audit'] as const,
  page: (params: TAuditParams) => [...auditKeys.all, params] as const,
};

export function auditPageQuery(params: TAuditParams) {
  return queryOptions({
    queryKey: auditKeys.page(params),
    queryFn: ({ signal }) => apiFetch<TAuditPage>(withQuery('/audit', params), { signal }),
    placeholderData: keepPreviousData,
  });
}
