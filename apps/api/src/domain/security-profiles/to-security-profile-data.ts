import type { Prisma } from '@portcullis/db';
import type { TSecurityProfileFields } from '../../schemas/security-profile-schemas.ts';

/** Database fields of a security profile; actions and settings go in as JSON. */
export function toSecurityProfileData(fields: TSecurityProfileFields) {
  return {
    name: fields.name,
    description: fields.description,
    remoteLogging: fields.remoteLogging,
    actions: fields.actions as Prisma.InputJsonObject,
    settings: fields.settings as Prisma.InputJsonObject,
  };
}
