import { ZIdParams, ZPoolInput, type ZPoolMemberInput } from '@portcullis/contracts';
import { z } from 'zod';
import { toPatchSchema } from './to-patch-schema.ts';

export const ZPoolPatch = toPatchSchema(ZPoolInput);
export const ZPoolMemberParams = ZIdParams.extend({
  memberId: z.coerce.number().int().positive(),
});

export type TPoolFields = z.output<typeof ZPoolInput>;
export type TPoolPatch = z.output<typeof ZPoolPatch>;
export type TPoolMemberFields = z.output<typeof ZPoolMemberInput>;
