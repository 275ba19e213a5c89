import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

// An empty variable (`DATABASE_URL=`) means "not set", as shells usually intend.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

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
});

export type TEnv = z.infer<typeof ZEnv>;

/** Reads the environment once, at start; every problem is named before exiting. */
export function loadEnv(source: NodeJS.ProcessEnv): TEnv {
  const parsed = ZEnv.safeParse(source);
  if (parsed.success) return parsed.data;

  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
  throw new Error(`invalid environment: ${problems.join('; ')}`);
}
