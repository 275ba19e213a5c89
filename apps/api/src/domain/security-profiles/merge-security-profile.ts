import { ZSecurityProfileInput } from '@portcullis/contracts';
import { AppError } from '../../errors/app-error.ts';
import type {
  TSecurityProfileFields,
  TSecurityProfilePatch,
} from '../../schemas/security-profile-schemas.ts';
import { deepMerge } from '../shared/deep-merge.ts';

/**
 * Lays an update over the stored profile, nested settings merged key by key, and
 * checks the result as a whole. A PUT sends every value, so it replaces them all.
 */
export function mergeSecurityProfile(
  current: TSecurityProfileFields,
  patch: TSecurityProfilePatch,
): TSecurityProfileFields {
  const parsed = ZSecurityProfileInput.safeParse(deepMerge(current, patch));
  if (parsed.success) return parsed.data;

  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') ?? '';

  throw new AppError('VALIDATION_FAILED', `${field}: ${issue?.message ?? 'not valid'}`, {
    field: field || undefined,
  });
}
