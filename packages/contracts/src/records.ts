import { z } from 'zod';
import { ZViolationName } from './violations.ts';

/**
 * Support IDs: ten Crockford base32 characters shown as two groups of five
 * (`K7Q2M-9XD4F`): no I, L, O or U, so they can be read over the phone.
 */
export const SUPPORT_ID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/;
export const ZSupportId = z.string().regex(SUPPORT_ID_PATTERN, { message: 'a Support ID looks like K7Q2M-9XD4F' });

export const ZViolationActionTaken = z.enum(['ALARM', 'BLOCK', 'ALARM_BLOCK']);
export type TViolationActionTaken = z.infer<typeof ZViolationActionTaken>;

/** One violation as a worker records it and the API stores it. */
export const ZViolationRecord = z.object({
  supportId: ZSupportId,
  time: z.iso.datetime(),
  protocol: z.literal('SMTP'),
  virtualServer: z.string().max(64),
  serviceProfile: z.string().max(64),
  securityProfile: z.string().max(64),
  clientAddress: z.string().max(64),
  clientPort: z.number().int().min(0).max(65535),
  helo: z.string().max(512).nullable(),
  mailFrom: z.string().max(512).nullable(),
  rcptTo: z.array(z.string().max(512)).max(1000),
  command: z.string().max(1024).describe('the command or message concerned'),
  violation: ZViolationName,
  action: ZViolationActionTaken,
  reply: z.string().max(1024).describe('the reply sent to the client'),
  details: z
    .object({
      transcript: z.array(z.string().max(1024)).max(50).optional().describe('the SMTP exchange around it'),
      note: z.string().max(1024).optional(),
    })
    .nullable()
    .default(null),
});
export type TViolationRecord = z.infer<typeof ZViolationRecord>;

/** Traffic of one minute for one security profile and virtual server. */
export const ZTrafficRecord = z.object({
  minute: z.iso.datetime(),
  securityProfile: z.string().max(64).describe('"(none)" when Protocol Security is off'),
  virtualServer: z.string().max(64),
  connections: z.number().int().min(0),
  messages: z.number().int().min(0),
  bytes: z.number().int().min(0),
  recipients: z.number().int().min(0),
  alarmed: z.number().int().min(0),
  blocked: z.number().int().min(0),
});
export type TTrafficRecord = z.infer<typeof ZTrafficRecord>;

// Batches carry an id so a retried batch is counted once.
export const ZViolationBatch = z.object({
  batchId: z.string().min(8).max(64),
  records: z.array(ZViolationRecord).max(1000),
});
export const ZTrafficBatch = z.object({
  batchId: z.string().min(8).max(64),
  records: z.array(ZTrafficRecord).max(5000),
});
export type TViolationBatch = z.infer<typeof ZViolationBatch>;
export type TTrafficBatch = z.infer<typeof ZTrafficBatch>;
