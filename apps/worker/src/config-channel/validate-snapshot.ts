import { ZSnapshot, type TSnapshot } from '@portcullis/contracts';
import { WorkerError } from '../errors/worker-error.ts';

/** Checks a snapshot against the contract; throws SNAPSHOT_INVALID naming the field. */
export function validateSnapshot(value: unknown): TSnapshot {
  const parsed = ZSnapshot.safeParse(value);
  if (parsed.success) return parsed.data;

  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') || 'snapshot';

  throw new WorkerError('SNAPSHOT_INVALID', `${field}: ${issue?.message ?? 'invalid'}`);
}
