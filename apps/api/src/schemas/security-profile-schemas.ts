import { ZSecurityProfileInput } from '@portcullis/contracts';
import type { z } from 'zod';
import { type TDeepPatch, toDeepPatchSchema } from './to-deep-patch-schema.ts';

// Actions and settings merge deeply: a PATCH names only the values it changes.
export const ZSecurityProfilePatch = toDeepPatchSchema(ZSecurityProfileInput);

export type TSecurityProfileFields = z.output<typeof ZSecurityProfileInput>;
export type TSecurityProfilePatch = TDeepPatch<TSecurityProfileFields>;
