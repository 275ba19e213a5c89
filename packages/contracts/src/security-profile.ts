import { z } from 'zod';
import { ZObjectName } from './common.ts';
import { ZSecurityProfileSettings } from './security-settings.ts';
import { ZViolationActions } from './violations.ts';

export const SYSTEM_SECURITY_PROFILE = 'smtp_security';

export const ZSecurityProfileInput = z.object({
  name: ZObjectName,
  description: z.string().max(255).default(''),
  remoteLogging: z.boolean().default(false).describe('also send violations to the remote logging server'),
  actions: ZViolationActions.default(ZViolationActions.parse({})),
  settings: ZSecurityProfileSettings.default(ZSecurityProfileSettings.parse({})),
});
export type TSecurityProfileInput = z.input<typeof ZSecurityProfileInput>;

export const ZSecurityProfile = ZSecurityProfileInput.extend({
  id: z.number().int(),
  isSystem: z.boolean(),
  serviceProfiles: z.array(z.string()).describe('service profiles assigned this profile'),
});
export type TSecurityProfile = z.infer<typeof ZSecurityProfile>;

/** Profiles Assignment: per protocol, which security profile each service profile uses. */
export const ZAssignmentRow = z.object({
  serviceProfile: z.string(),
  protocolSecurity: z.boolean().describe('effective value'),
  virtualServers: z.array(z.string()),
  securityProfile: z.string().nullable(),
});
export const ZProfileAssignments = z.object({
  protocols: z.array(
    z.object({
      protocol: z.enum(['HTTP', 'FTP', 'SMTP']),
      rows: z.array(ZAssignmentRow),
      note: z.string().nullable().describe('why a protocol has no rows here'),
    }),
  ),
});
export const ZAssignmentUpdate = z.object({
  assignments: z.array(z.object({ serviceProfile: ZObjectName, securityProfile: ZObjectName })).max(1000),
});
export type TProfileAssignments = z.infer<typeof ZProfileAssignments>;

export const ZAntivirusOptions = z.object({
  serverHostName: z.string().max(253).nullable().default(null)
    .describe('resolved through the configured DNS servers'),
  serverAddress: z.union([z.ipv4(), z.ipv6()]).nullable().default(null).describe('used when given'),
  serverPort: z.number().int().min(1).max(65535).default(1344).describe('1344 is the ICAP port'),
  guaranteeEnforcement: z.boolean().default(true)
    .describe('on: scanner trouble answers 451 and relays nothing; off: relay unscanned and alarm'),
});
export type TAntivirusOptions = z.infer<typeof ZAntivirusOptions>;

export const ZInternalParameter = z.object({
  name: z.string(),
  value: z.string(),
  defaultValue: z.string(),
  description: z.string(),
});
