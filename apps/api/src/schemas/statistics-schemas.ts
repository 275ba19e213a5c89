import { ZViolationName } from '@portcullis/contracts';
import { z } from 'zod';

const ZTime = z.iso.datetime({ offset: true, error: 'use an ISO 8601 time' });

export const ZStatisticsRange = z.object({
  from: ZTime.optional().describe('start of the range, included; 24 hours before `to` by default'),
  to: ZTime.optional().describe('end of the range, excluded; now by default'),
});

export const ZTrafficQuery = ZStatisticsRange.extend({
  securityProfile: z.string().max(64).optional(),
  virtualServer: z.string().max(64).optional(),
  series: z
    .enum(['true', 'false'])
    .default('false')
    .describe('also give each group its per-minute series (ranges of up to 24 hours)'),
});
export type TTrafficQuery = z.output<typeof ZTrafficQuery>;

const ZRangeShown = {
  from: z.string().describe('the range counted, from (included)'),
  to: z.string().describe('to (excluded)'),
};

const ZViolationCount = z.object({
  violation: ZViolationName.or(z.string()),
  label: z.string().describe('the violation as the console names it'),
  count: z.number().int(),
});

export const ZViolationStatistics = z.object({
  ...ZRangeShown,
  total: z.number().int(),
  byProtocol: z
    .array(z.object({ protocol: z.string(), count: z.number().int() }))
    .describe('largest first'),
  byViolation: z.array(ZViolationCount).describe('over all protocols, largest first'),
  byProtocolAndViolation: z
    .array(ZViolationCount.extend({ protocol: z.string() }))
    .describe('each protocol and violation pair, largest first'),
});
export type TViolationStatistics = z.infer<typeof ZViolationStatistics>;

export const ZTrafficCounters = z.object({
  connections: z.number().int(),
  messages: z.number().int(),
  bytes: z.number().int(),
  recipients: z.number().int(),
  alarmed: z.number().int(),
  blocked: z.number().int(),
});
export type TTrafficCounters = z.infer<typeof ZTrafficCounters>;

export const ZTrafficStatistics = z.object({
  ...ZRangeShown,
  totals: ZTrafficCounters.describe('all groups together'),
  groups: z.array(
    ZTrafficCounters.extend({
      securityProfile: z.string().describe('"(none)" where Protocol Security is off'),
      virtualServer: z.string(),
      series: z
        .array(ZTrafficCounters.extend({ minute: z.string() }))
        .optional()
        .describe('per minute, minutes without traffic left out; with series=true'),
    }),
  ),
});
export type TTrafficStatistics = z.infer<typeof ZTrafficStatistics>;
