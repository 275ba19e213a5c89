import type { ServiceProfile } from '@portcullis/db';
import { AppError } from '../../errors/app-error.ts';
import type { TServiceProfilePatch } from '../../schemas/service-profile-schemas.ts';

/**
 * The system `smtp` profile is the root every profile inherits from: its settings
 * may change, its name and its place at the root may not.
 */
export function assertSystemProfileKept(row: ServiceProfile, patch: TServiceProfilePatch): void {
  if (!row.isSystem) return;

  if (patch.name !== undefined && patch.name !== row.name) {
    throw new AppError('SYSTEM_OBJECT', `the system profile "${row.name}" cannot be renamed`, {
      field: 'name',
    });
  }
  // A PUT sends the default parent, which for the root names itself: no change.
  if (patch.parent !== undefined && patch.parent !== row.name) {
    throw new AppError(
      'SYSTEM_OBJECT',
      `the system profile "${row.name}" is the root and cannot inherit from another profile`,
      { field: 'parent' },
    );
  }
}
