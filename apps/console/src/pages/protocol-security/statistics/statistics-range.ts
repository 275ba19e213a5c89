import {
  RANGE_PRESETS,
  type TRangePreset,
  type TStatisticsRange,
} from '../../../api/statistics.ts';

export const DEFAULT_PRESET: TRangePreset = 'day';

export const PRESET_LABELS: Record<TRangePreset, string> = {
  hour: 'Last hour',
  day: 'Last day',
  week: 'Last week',
};

function isPreset(value: string | null): value is TRangePreset {
  return value !== null && Object.hasOwn(RANGE_PRESETS, value);
}

function isTime(value: string | null): value is string {
  return value !== null && !Number.isNaN(Date.parse(value));
}

/**
 * The range in the URL: `?range=hour|day|week`, or a fixed `?from=...&to=...` (ISO
 * times) that can be bookmarked and shared. Anything else is the last day.
 */
export function readStatisticsRange(search: URLSearchParams): TStatisticsRange {
  const from = search.get('from');
  const to = search.get('to');

  if (isTime(from) && isTime(to)) return { from, to };
  const range = search.get('range');

  return { last: isPreset(range) ? range : DEFAULT_PRESET };
}
