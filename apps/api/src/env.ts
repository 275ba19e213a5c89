import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ZPassword, ZUsername } from '@portcullis/contracts';
import { z } from 'zod';
import type { TRetention } from './domain/records/prune-records.ts';
import { ZTrustedProxies } from './net/trusted-proxies.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

// An empty variable (`DATABASE_URL=`) means "not set", as shells usually intend.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

// A retention period: whole days, from one day to a hundred years.
const days = (fallback: number) => z.coerce.number().int().min(1).max(36_500).default(fallback);

const ZEnv = z.object({
  // The port of the REST API and the console.
  PORT: z.coerce.number().int().min(0).max(65535).default(8025),
  // Loopback by default: exposing the console is a decision, not an accident.
  HOST: z.string().min(1).default('127.0.0.1'),
  // Unset: an embedded Postgres under PORTCULLIS_DATA_DIR.
  DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\//, 'use a postgresql:// URL')),
  // Where the embedded Postgres keeps its cluster.
  PORTCULLIS_DATA_DIR: z.string().min(1).default(path.join(REPO_ROOT, 'var')),
  // Shared with the workers; opens the internal configuration channel.
  PORTCULLIS_WORKER_SECRET: z
    .string({ error: 'is required: the secret shared with the workers' })
    .min(16, 'must be at least 16 characters'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // The console's static build, served at `/` when present.
  PORTCULLIS_CONSOLE_DIR: z.string().min(1).default(path.join(REPO_ROOT, 'apps/console/dist')),

  // The first administrator, created when the database has no user yet. Without a
  // password a random one is printed once on standard output.
  PORTCULLIS_ADMIN_USERNAME: optional(ZUsername).transform((value) => value ?? 'admin'),
  PORTCULLIS_ADMIN_PASSWORD: optional(ZPassword),
  // A session ends this long after sign-in, or after this long unused (0: never idle out).
  PORTCULLIS_SESSION_TTL_MINUTES: z.coerce.number().int().min(1).max(43_200).default(480),
  PORTCULLIS_SESSION_IDLE_MINUTES: z.coerce.number().int().min(0).max(43_200).default(60),
  // Set when the console is reached over HTTPS (a TLS proxy in front): cookies then
  // travel only over HTTPS.
  PORTCULLIS_COOKIE_SECURE: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
  // Reverse proxies in front of the API (addresses or networks, comma-separated) whose
  // X-Forwarded-For names the client. Unset: the header is ignored.
  PORTCULLIS_TRUSTED_PROXIES: optional(ZTrustedProxies).transform((value) => value ?? []),

  // Retention, in days: a job in the API deletes older records. The per-minute
  // traffic rows draw series of minutes and quarter hours (an hour or a day)
  // and the edges of other ranges, so a week covers every dashboard window.
  PORTCULLIS_RETAIN_TRAFFIC_MINUTES_DAYS: days(7),
  // Hourly rollups of traffic and of violation counts: statistics over long
  // ranges read only these, so they can outlive the records they sum.
  PORTCULLIS_RETAIN_ROLLUPS_DAYS: days(400),
  // Violation records, with their Support IDs and transcripts, and the hourly
  // counts per client address (top clients).
  PORTCULLIS_RETAIN_VIOLATIONS_DAYS: days(90),
  // Ids of ingested batches, which make a worker's retry count once. A worker
  // retries for as long as its spool holds the batch, far less than this.
  PORTCULLIS_RETAIN_BATCH_IDS_DAYS: days(30),
  // How often the job runs, in minutes; 0 turns it off (when another API process
  // of the same database runs it, or for an archive that keeps everything).
  PORTCULLIS_PRUNE_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(10_080).default(60),
})
  // The statistics read rollups for whole hours and detailed rows for the rest of
  // a range: with detailed rows outliving their rollups, an old range would count
  // its partial hours and miss the whole ones.
  .superRefine((env, context) => {
    for (const name of ['TRAFFIC_MINUTES', 'VIOLATIONS'] as const) {
      const key = `PORTCULLIS_RETAIN_${name}_DAYS` as const;
      if (env[key] <= env.PORTCULLIS_RETAIN_ROLLUPS_DAYS) continue;

      const limit = env.PORTCULLIS_RETAIN_ROLLUPS_DAYS;
      context.addIssue({
        code: 'custom',
        path: [key],
        message: `must not exceed PORTCULLIS_RETAIN_ROLLUPS_DAYS (${limit})`,
      });
    }
  });

export type TEnv = z.infer<typeof ZEnv>;

/** The retention policy the environment sets, for the prune job. */
export function toRetention(env: TEnv): TRetention {
  return {
    trafficMinuteDays: env.PORTCULLIS_RETAIN_TRAFFIC_MINUTES_DAYS,
    rollupDays: env.PORTCULLIS_RETAIN_ROLLUPS_DAYS,
    violationDays: env.PORTCULLIS_RETAIN_VIOLATIONS_DAYS,
    batchIdDays: env.PORTCULLIS_RETAIN_BATCH_IDS_DAYS,
  };
}

/** Session lifetime and cookie settings for the app. */
export function toAuthSettings(env: TEnv) {
  return {
    ttlMs: env.PORTCULLIS_SESSION_TTL_MINUTES * 60_000,
    idleMs: env.PORTCULLIS_SESSION_IDLE_MINUTES * 60_000,
    isCookieSecure: env.PORTCULLIS_COOKIE_SECURE,
  };
}

/** Reads the environment once, at start; every problem is named before exiting. */
export function loadEnv(source: NodeJS.ProcessEnv): TEnv {
  const parsed = ZEnv.safeParse(source);
  if (parsed.success) return parsed.data;

  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
  throw new Error(`invalid environment: ${problems.join('; ')}`);
}
