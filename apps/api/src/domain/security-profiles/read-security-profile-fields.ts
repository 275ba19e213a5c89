import {
  ZSecurityProfileSettings,
  ZViolationActions,
} from '@portcullis/contracts';
import type { SecurityProfile } from '@portcullis/db';
import type { TSecurityProfileFields } from '../../schemas/security-profile-schemas.ts';

/**
 * A stored security profile in the shape of its input. Actions and settings are
 * JSON columns; parsing them through the contract fills in the defaults of
 * violations and settings added since the row was written, so every reader (the
 * API's views, the snapshot) sees them all.
 */
export function readSecurityProfileFields(row: SecurityProfile): TSecurityProfileFields {
  return {
    name: row.name,
    description: row.description,
    remoteLogging: row.remoteLogging,
    actions: ZViolationActions.parse(row.actions ?? {}),
    settings: ZSecurityProfileSettings.parse(row.settings ?? {}),
  };
}
