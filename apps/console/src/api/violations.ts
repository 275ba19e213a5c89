import type { TViolationRecord } from '@portcullis/contracts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiFetch, withQuery, type TPage } from './api-fetch.ts';

/** A stored violation as GET /violations answers it (apps/api ZViolationView). */
export type TViolationView = TViolationRecord & { id: number; workerId: string };

export const VIOLATION_FILTER_NAMES = [
  'protocol',
  'violation',
  'virtualServer',
  'securityProfile',
  'serviceProfile',
  'clientAddress',
  'from',
  'to',
  'supportId',
] as const;

export type TViolationFilterName = (typeof VIOLATION_FILTER_NAMES)[number];

export type TViolationFilters = Partial<Record<TViolationFilterName, string>>;

export type TViolationListParams = TViolationFilters & { page: number; perPage: number };

export const violationKeys = {
  all: ['violations'] as const,
  lists: () => [...violationKeys.all, 'list'] as const,
  list: (params: TViolationListParams) => [...violationKeys.lists(), params] as const,
  detail: (supportId: string) => [...violationKeys.all, 'detail', supportId] as const,
};

// Paging through results keeps the last page on screen while the next one loads.
export function violationListQuery(params: TViolationListParams) {
  return queryOptions({
    queryKey: violationKeys.list(params),
    queryFn: ({ signal }) =>
      apiFetch<TPage<TViolationView>>(withQuery('/violations', params), { signal }),
    placeholderData: keepPreviousData,
  });
}

export function violationDetailQuery(supportId: string) {
  return queryOptions({
    queryKey: violationKeys.detail(supportId),
    queryFn: ({ signal }) =>
      apiFetch<TViolationView>(`/violations/${encodeURIComponent(supportId)}`, { signal }),
  });
}
