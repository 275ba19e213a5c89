import { ZPort } from '@portcullis/contracts';
import { z } from 'zod';
import { isHostOrAddress, isResolverAddress } from '../domain/shared/network-address.ts';

// DNS and the remote logging server are screens of the API alone, so their
// schemas live here rather than in the shared contracts.

export const ZDnsSettings = z.object({
  resolvers: z
    .array(
      z.string().max(64).refine(isResolverAddress, {
        message: 'use an IP address, optionally with a port: 192.0.2.53:53 or [2001:db8::53]:53',
      }),
    )
    .max(8)
    .default([])
    .describe('DNS servers the workers ask, in order; empty uses the system resolver'),
  timeoutMs: z
    .number()
    .int()
    .min(100)
    .max(30_000)
    .default(2000)
    .describe('time limit in milliseconds for one DNS query'),
});
export type TDnsSettings = z.output<typeof ZDnsSettings>;

export const ZRemoteLogging = z
  .object({
    enabled: z.boolean().default(false).describe('send violations to the remote logging server'),
    host: z
      .string()
      .max(253)
      .refine((value) => value === '' || isHostOrAddress(value), {
        message: 'use a host name or an IP address',
      })
      .nullable()
      .default(null)
      .describe('host name or IP address of the syslog server'),
    port: ZPort.default(514).describe("514 is syslog's port"),
    transport: z.enum(['UDP', 'TCP']).default('UDP'),
  })
  .superRefine((server, context) => {
    if (server.enabled && !server.host) {
      context.addIssue({
        code: 'custom',
        path: ['host'],
        message: 'name the server to log to, or switch remote logging off',
      });
    }
  });
export type TRemoteLogging = z.output<typeof ZRemoteLogging>;
