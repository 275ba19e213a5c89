import { ZViolationName } from '@portcullis/contracts';
import { z } from 'zod';
import { ZTrafficCounters } from './statistics-schemas.ts';

const ZTime = z.iso.datetime({ offset: true, error: 'use an ISO 8601 time' });

export const ZDashboardRange = z.enum(['hour', 'day', 'week']);
export type TDashboardRange = z.infer<typeof ZDashboardRange>;

export const ZDashboardBucket = z.enum(['1m', '15m', '1h', '6h']);
export type TDashboardBucket = z.infer<typeof ZDashboardBucket>;

export const ZDashboardQuery = z.object({
  range: ZDashboardRange.default('day').describe('the window: the last hour, day or week'),
  bucket: ZDashboardBucket.optional().describe(
    'width of a series point: 1m for an hour (the default); 15m (default) or 1h for a day; ' +
      '1h (default) or 6h for a week. Buckets are aligned to UTC.',
  ),
  to: ZTime.optional().describe(
    'a time in the last bucket of the window; now by default. Series of minutes or ' +
      'quarter hours read the per-minute rows, which are kept for days only',
  ),
  top: z.coerce.number().int().min(1).max(50).default(10).describe('length of the top lists'),
});
export type TDashboardQuery = z.output<typeof ZDashboardQuery>;

const ZViolationTotals = { violations: z.number().int().describe('violations recorded') };

export const ZDashboard = z.object({
  range: ZDashboardRange,
  bucket: ZDashboardBucket,
  bucketSeconds: z.number().int(),
  from: z.string().describe('start of the window and of its first bucket (included)'),
  to: z.string().describe('end of the window and of its last bucket (excluded)'),
  totals: ZTrafficCounters.extend(ZViolationTotals).describe('the whole window'),
  series: z
    .array(
      ZTrafficCounters.extend(ZViolationTotals).extend({
        time: z.string().describe('start of the bucket'),
      }),
    )
    .describe('one point per bucket, oldest first, empty buckets as zeros'),
  topViolations: z.array(
    z.object({
      protocol: z.string(),
      violation: ZViolationName.or(z.string()),
      label: z.string().describe('the violation as the console names it'),
      count: z.number().int(),
    }),
  ),
  topClients: z
    .array(z.object({ clientAddress: z.string(), count: z.number().int() }))
    .describe('the client addresses with the most violations'),
  virtualServers: z
    .array(ZTrafficCounters.extend(ZViolationTotals).extend({ virtualServer: z.string() }))
    .describe('every virtual server with traffic or violations, most messages first'),
});
export type TDashboard = z.infer<typeof ZDashboard>;
