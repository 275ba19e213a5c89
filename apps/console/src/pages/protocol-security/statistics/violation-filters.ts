import { readListParams } from '../../../api/list-params.ts';
import {
  VIOLATION_FILTER_NAMES,
  type TViolationFilterName,
  type TViolationFilters,
  type TViolationListParams,
} from '../../../api/violations.ts';

/** The list's filters, page and size from the URL; the API judges the filters' values. */
export function readViolationParams(search: URLSearchParams): TViolationListParams {
  const { page, perPage } = readListParams(search);

  return { ...readViolationFilters(search), page, perPage };
}

export function readViolationFilters(search: URLSearchParams): TViolationFilters {
  const filters: TViolationFilters = {};

  for (const name of VIOLATION_FILTER_NAMES) {
    const value = search.get(name)?.trim();

    if (value) filters[name] = value;
  }

  return filters;
}

export function isViolationFilter(path: string): path is TViolationFilterName {
  return (VIOLATION_FILTER_NAMES as readonly string[]).includes(path);
}
