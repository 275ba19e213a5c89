import { ZVirtualServerInput } from '@portcullis/contracts';
import type { z } from 'zod';
import { toPatchSchema } from './to-patch-schema.ts';

// Field shapes only: the destination rules are checked on the merged result.
export const ZVirtualServerPatch = toPatchSchema(ZVirtualServerInput);

export type TVirtualServerFields = z.output<typeof ZVirtualServerInput>;
export type TVirtualServerPatch = z.output<typeof ZVirtualServerPatch>;
