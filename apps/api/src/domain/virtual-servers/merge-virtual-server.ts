import { ZVirtualServerInput } from '@portcullis/contracts';
import { AppError } from '../../errors/app-error.ts';
import type {
  TVirtualServerFields,
  TVirtualServerPatch,
} from '../../schemas/virtual-server-schemas.ts';

/**
 * Applies an update to the stored fields and checks the result as a whole, since
 * the destination rules span fields (a NETWORK needs a mask, a certificate its key)
 * and the update may have sent only one of them.
 */
export function mergeVirtualServer(
  current: TVirtualServerFields,
  patch: TVirtualServerPatch,
): TVirtualServerFields {
  const parsed = ZVirtualServerInput.safeParse({ ...current, ...patch });
  if (parsed.success) return parsed.data;

  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') ?? '';

  throw new AppError('VALIDATION_FAILED', `${field}: ${issue?.message ?? 'not valid'}`, {
    field: field || undefined,
  });
}
