import { z } from 'zod';
import { ZObjectName } from './common.ts';

export const SYSTEM_SERVICE_PROFILE = 'smtp';

// Settings are Custom when given a value; null (or absent) inherits from the parent.
export const ZServiceProfileInput = z.object({
  name: ZObjectName,
  parent: ZObjectName.default(SYSTEM_SERVICE_PROFILE),
  protocolSecurity: z.boolean().nullable().default(null).describe('null inherits from the parent'),
});
export type TServiceProfileInput = z.input<typeof ZServiceProfileInput>;

export const ZServiceProfileUpdate = ZServiceProfileInput.partial();

export const ZServiceProfile = z.object({
  id: z.number().int(),
  name: z.string(),
  isSystem: z.boolean(),
  parent: z.string().nullable(),
  protocolSecurity: z.boolean().nullable().describe('the Custom value; null when inherited'),
  effective: z.object({ protocolSecurity: z.boolean() }).describe('values after inheritance'),
  securityProfile: z.string().nullable().describe('the assigned SMTP security profile'),
  virtualServers: z.array(z.string()),
});
export type TServiceProfile = z.infer<typeof ZServiceProfile>;
