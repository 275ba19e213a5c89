import { z } from 'zod';
import { ZIpAddress, ZObjectName, ZPort } from './common.ts';

export const LOAD_BALANCING_METHODS = ['ROUND_ROBIN', 'LEAST_CONNECTIONS', 'RATIO'] as const;
export const ZLoadBalancingMethod = z.enum(LOAD_BALANCING_METHODS);
export const ZHealthMonitor = z.enum(['NONE', 'SMTP']);

export const ZPoolMemberInput = z.object({
  nodeName: ZObjectName.optional().describe('defaults to the address'),
  address: ZIpAddress,
  servicePort: ZPort.default(25),
  ratio: z.number().int().min(1).max(100).default(1).describe('weight under the RATIO method'),
  enabled: z.boolean().default(true),
});
export type TPoolMemberInput = z.input<typeof ZPoolMemberInput>;

export const ZPoolInput = z.object({
  name: ZObjectName,
  description: z.string().max(255).default(''),
  loadBalancingMethod: ZLoadBalancingMethod.default('ROUND_ROBIN'),
  monitor: ZHealthMonitor.default('SMTP').describe('SMTP: connect, EHLO, QUIT on an interval'),
  monitorIntervalSec: z.number().int().min(1).max(3600).default(5),
  monitorTimeoutSec: z.number().int().min(1).max(3600).default(16),
  members: z.array(ZPoolMemberInput).max(256).default([]),
});
export type TPoolInput = z.input<typeof ZPoolInput>;

export const ZPoolUpdate = ZPoolInput.partial();

export const ZMemberStatus = z.enum(['up', 'down', 'disabled', 'unchecked', 'unknown']);
export type TMemberStatus = z.infer<typeof ZMemberStatus>;

export const ZPoolMember = z.object({
  id: z.number().int(),
  nodeName: z.string(),
  address: z.string(),
  servicePort: z.number().int(),
  ratio: z.number().int(),
  enabled: z.boolean(),
  status: ZMemberStatus,
});

export const ZPool = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string(),
  loadBalancingMethod: ZLoadBalancingMethod,
  monitor: ZHealthMonitor,
  monitorIntervalSec: z.number().int(),
  monitorTimeoutSec: z.number().int(),
  members: z.array(ZPoolMember),
  virtualServers: z.array(z.string()).describe('names of the virtual servers using this pool'),
  status: ZMemberStatus.describe('up when any member is up'),
});
export type TPool = z.infer<typeof ZPool>;
