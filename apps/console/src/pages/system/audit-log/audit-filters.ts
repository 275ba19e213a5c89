import type { TAuditParams } from '../../../api/audit.ts';

export const AUDIT_LOG_PATH = '/system/audit-log';

// Filters, paging and the opened entry all live in the URL, so Back and links work.
export const FILTER_NAMES = ['actor', 'objectType', 'action', 'from', 'to'] as const;

export type TFilterName = (typeof FILTER_NAMES)[number];

export const PAGE_SIZE = 50;

export function readAuditParams(search: URLSearchParams): TAuditParams {
  const value = (name: string) => search.get(name) || undefined;

  return {
    actor: value('actor'),
    objectType: value('objectType'),
    action: value('action'),
    from: value('from'),
    to: value('to'),
    cursor: value('cursor'),
    limit: PAGE_SIZE,
  };
}
