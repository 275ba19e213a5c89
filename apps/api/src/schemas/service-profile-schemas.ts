import { ZServiceProfileInput } from '@portcullis/contracts';
import type { z } from 'zod';
import { toPatchSchema } from './to-patch-schema.ts';

export const ZServiceProfilePatch = toPatchSchema(ZServiceProfileInput);

export type TServiceProfileFields = z.output<typeof ZServiceProfileInput>;
export type TServiceProfilePatch = z.output<typeof ZServiceProfilePatch>;
