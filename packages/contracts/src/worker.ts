import { z } from 'zod';
import { ZMemberStatus } from './pool.ts';
import { ZListenerStatus } from './virtual-server.ts';

/** How a worker's remote logging is faring, since its destination was last set. */
export const ZRemoteLoggingStats = z.object({
  destination: z.string().describe('transport, host and port, as "TCP 192.0.2.5:514"'),
  sent: z.number().int().min(0).describe('messages handed to the network'),
  dropped: z.number().int().min(0).describe('lost to a full queue or a failed send'),
  queued: z.number().int().min(0).describe('waiting for the server'),
});
export type TRemoteLoggingStats = z.infer<typeof ZRemoteLoggingStats>;

/** What a worker reports to the API after applying a snapshot and on every heartbeat. */
export const ZWorkerReport = z.object({
  workerId: z.string().min(1).max(128),
  hostname: z.string().max(255),
  startedAt: z.string(),
  appliedVersion: z.number().int().nullable(),
  listeners: z.array(
    z.object({
      virtualServer: z.string(),
      status: ZListenerStatus,
      reason: z.string().nullable(),
    }),
  ),
  members: z.array(
    z.object({
      pool: z.string(),
      address: z.string(),
      port: z.number().int(),
      status: ZMemberStatus,
      reason: z.string().nullable(),
    }),
  ),
  // Null when remote logging is off; absent from workers older than the field.
  remoteLogging: ZRemoteLoggingStats.nullable().default(null),
});
export type TWorkerReport = z.infer<typeof ZWorkerReport>;

export const ZWorkerState = z.object({
  id: z.string(),
  hostname: z.string(),
  startedAt: z.string(),
  lastSeenAt: z.string(),
  appliedVersion: z.number().int().nullable(),
  currentVersion: z.number().int().describe('the newest snapshot version'),
  isInSync: z.boolean(),
  isAlive: z.boolean().describe('heard from in the last 10 seconds'),
  listeners: ZWorkerReport.shape.listeners,
  members: ZWorkerReport.shape.members,
  remoteLogging: ZRemoteLoggingStats.nullable(),
});
export type TWorkerState = z.infer<typeof ZWorkerState>;

// The worker's control channel: headers it sends with its shared secret.
export const WORKER_AUTH_HEADER = 'authorization';
export const WORKER_ID_HEADER = 'x-portcullis-worker';
