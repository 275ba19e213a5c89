/**
 * Stable codes of the record shipper, in its log lines and errors. Each is defined once.
 *
 * - SPOOL_LOCKED (thrown by start): another live process ships from this spool directory.
 *   Give every worker a spool directory of its own.
 * - SPOOL_FULL (logged at error): the spool reached its size bound and its oldest records
 *   were dropped, unsent. The API has been unreachable too long; stats().droppedRecords
 *   counts them.
 * - SPOOL_CORRUPT_LINE (logged at warn): a spooled line could not be parsed (a write cut
 *   short by a crash) and was skipped.
 * - RECORD_INVALID (logged at error): a violation record failed ZViolationRecord and was
 *   not spooled. A bug in the caller; the record is in the log line.
 * - BATCH_REJECTED (logged at warn): the API answered 400 to a batch. It is split in halves
 *   and each half sent again, so one bad record cannot hold up the rest.
 * - RECORD_REJECTED (logged at error): the API refused a batch of one record. That record
 *   is dropped; stats().rejectedRecords counts it.
 * - API_UNREACHABLE (logged at warn): a batch could not be delivered (no answer, 5xx, 401,
 *   ...). It stays in the spool and is retried with capped exponential backoff.
 */
export type TRecordShipperCode =
  | 'SPOOL_LOCKED'
  | 'SPOOL_FULL'
  | 'SPOOL_CORRUPT_LINE'
  | 'RECORD_INVALID'
  | 'BATCH_REJECTED'
  | 'RECORD_REJECTED'
  | 'API_UNREACHABLE';

export class RecordShipperError extends Error {
  readonly code: TRecordShipperCode;

  constructor(code: TRecordShipperCode, message: string) {
    super(message);
    this.name = 'RecordShipperError';
    this.code = code;
  }
}
