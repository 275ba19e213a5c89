import { ZListQuery, ZViolationName, ZViolationRecord } from '@portcullis/contracts';
import { z } from 'zod';
import { canonicalAddress, parseNetwork } from '../domain/shared/network-address.ts';

// Support IDs are read out over the phone and typed in either case.
const SUPPORT_ID_ANY_CASE = /^[0-9A-Za-z]{5}-[0-9A-Za-z]{5}$/;
const ZSupportIdQuery = z
  .string()
  .regex(SUPPORT_ID_ANY_CASE, { message: 'a Support ID looks like K7Q2M-9XD4F' });

const ZTime = z.iso.datetime({ offset: true, error: 'use an ISO 8601 time' });

export const ZViolationView = ZViolationRecord.extend({
  id: z.number().int(),
  workerId: z.string().describe('the worker that recorded it'),
});
export type TViolationView = z.infer<typeof ZViolationView>;

export const ZViolationQuery = ZListQuery.omit({ q: true }).extend({
  protocol: z.enum(['HTTP', 'FTP', 'SMTP']).optional(),
  violation: ZViolationName.optional(),
  virtualServer: z.string().max(64).optional(),
  securityProfile: z.string().max(64).optional(),
  serviceProfile: z.string().max(64).optional(),
  clientAddress: z
    .string()
    .max(64)
    .refine((value) => canonicalAddress(value) !== undefined || parseNetwork(value) !== undefined, {
      message: 'use an IP address or a network such as 192.0.2.0/24',
    })
    .optional()
    .describe('an address, or a CIDR network holding the address'),
  from: ZTime.optional().describe('violations at or after this time'),
  to: ZTime.optional().describe('violations before this time'),
  supportId: ZSupportIdQuery.optional(),
});
export type TViolationQuery = z.output<typeof ZViolationQuery>;

export const ZSupportIdParams = z.object({ supportId: ZSupportIdQuery });
