// One shipper per spool directory: two processes appending to and deleting from the same
// files would send records twice or lose them (see runtime/directory-lock.ts).
import { acquireDirectoryLock } from '../runtime/directory-lock.ts';
import { RecordShipperError } from './record-shipper-error.ts';

export function acquireSpoolLock(spoolDir: string): Promise<() => Promise<void>> {
  return acquireDirectoryLock(spoolDir, {
    fileName: 'spool.lock',
    refuse: (message) => new RecordShipperError('SPOOL_LOCKED', message),
  });
}
