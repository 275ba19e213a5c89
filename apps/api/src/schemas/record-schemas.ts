import { z } from 'zod';

export const ZIngestResult = z.object({
  accepted: z.number().int().describe('records stored; violations already stored are skipped'),
  duplicate: z.boolean().describe('the batch was ingested before; nothing changed'),
});
export type TIngestResult = z.infer<typeof ZIngestResult>;
