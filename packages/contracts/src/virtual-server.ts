import { z } from 'zod';
import { ZIpAddress, ZObjectName, ZPort } from './common.ts';

export const ZDestinationType = z.enum(['HOST', 'NETWORK']);
export const ZConfigurationMode = z.enum(['BASIC', 'ADVANCED']);
export const ZSnatPool = z
  .enum(['NONE', 'AUTOMAP'])
  .describe('AUTOMAP: members see only the gateway. NONE: members offering XCLIENT learn the client');

const ZVirtualServerFields = z.object({
  name: ZObjectName,
  description: z.string().max(255).default(''),
  destinationType: ZDestinationType.default('HOST'),
  destinationAddress: ZIpAddress.describe('host address, or network address with destinationMask'),
  destinationMask: ZIpAddress.nullable().default(null).describe('required for a NETWORK destination'),
  servicePort: ZPort.default(25),
  configuration: ZConfigurationMode.default('BASIC'),
  serviceProfile: ZObjectName.nullable().default('smtp').describe('SMTP service profile name'),
  snatPool: ZSnatPool.default('AUTOMAP'),
  defaultPool: ZObjectName.nullable().default(null).describe('pool name'),
  enabled: z.boolean().default(true),
  tlsCertificate: z.string().max(65536).nullable().default(null).describe('PEM; enables STARTTLS'),
  tlsKey: z.string().max(65536).nullable().default(null).describe('PEM private key'),
});

function checkDestination(vs: Partial<z.infer<typeof ZVirtualServerFields>>, ctx: z.RefinementCtx) {
  if (vs.destinationType === 'NETWORK' && !vs.destinationMask) {
    ctx.addIssue({ code: 'custom', path: ['destinationMask'], message: 'a network destination needs a mask' });
  }
  if (vs.destinationType === 'HOST' && vs.destinationMask) {
    ctx.addIssue({ code: 'custom', path: ['destinationMask'], message: 'a host destination takes no mask' });
  }
  if (Boolean(vs.tlsCertificate) !== Boolean(vs.tlsKey)) {
    ctx.addIssue({ code: 'custom', path: ['tlsKey'], message: 'give both the certificate and its key' });
  }
}

export const ZVirtualServerInput = ZVirtualServerFields.superRefine(checkDestination);
export type TVirtualServerInput = z.input<typeof ZVirtualServerInput>;

// Updates are checked against the merged object by the API, so only field shapes here.
export const ZVirtualServerUpdate = ZVirtualServerFields.partial();
export type TVirtualServerUpdate = z.input<typeof ZVirtualServerUpdate>;
export const checkVirtualServerDestination = checkDestination;

export const ZListenerStatus = z.enum(['listening', 'disabled', 'error', 'unknown']);

export const ZVirtualServer = ZVirtualServerFields.omit({ tlsKey: true }).extend({
  id: z.number().int(),
  serviceProfile: z.string().nullable(),
  defaultPool: z.string().nullable(),
  destinationMask: z.string().nullable(),
  tlsCertificate: z.string().nullable(),
  hasTlsKey: z.boolean(),
  status: ZListenerStatus.describe('as the workers report it'),
  statusReason: z.string().nullable(),
});
export type TVirtualServer = z.infer<typeof ZVirtualServer>;
