import { ZWorkerReport } from '@portcullis/contracts';
import type { z } from 'zod';

const ZWorkerHealth = ZWorkerReport.pick({ listeners: true, members: true, remoteLogging: true });
export type TWorkerHealth = z.infer<typeof ZWorkerHealth>;

/** The listener, member and remote logging status stored from a worker's last report. */
export function readWorkerHealth(health: unknown): TWorkerHealth {
  const parsed = ZWorkerHealth.safeParse(health);

  // A row written by an older worker release may not parse; it then reports nothing.
  return parsed.success ? parsed.data : { listeners: [], members: [], remoteLogging: null };
}
