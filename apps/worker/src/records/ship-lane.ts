// The sending loop of one kind of record: takes the oldest sealed batch, posts it, and only
// deletes it after a 2xx. While the API is down it retries the same batch (same batch id)
// with capped exponential backoff; records keep arriving in the spool meanwhile.
//
// A 400 means the API refused the content. The batch is split in halves, each sent on its
// own, until the one bad record stands alone; that one is dropped (RECORD_REJECTED) and the
// rest arrive. A bad record costs about log2(batch size) extra requests, never the queue.
import type { TLogger } from '../logging/create-logger.ts';
import type { TPostOutcome } from './post-batch.ts';
import type { RecordSpool, TSpoolBatch } from './record-spool.ts';

export interface TShipLaneOptions {
  kind: 'violations' | 'traffic';
  spool: RecordSpool;
  send: (body: string, signal: AbortSignal) => Promise<TPostOutcome>;
  logger: TLogger;
  flushIntervalMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
}

export class ShipLane {
  deliveredRecords = 0;
  rejectedRecords = 0;
  private readonly options: TShipLaneOptions;
  private readonly halt = new AbortController();
  private isDraining = false;
  private failures = 0;
  private wakeUp: (() => void) | null = null;

  constructor(options: TShipLaneOptions) {
    this.options = options;
  }

  /** Cuts an idle wait short: a batch was sealed, or the shipper is stopping. */
  wake(): void {
    this.wakeUp?.();
  }

  /** From now on the loop seals at once and ends when the spool is empty. */
  drain(): void {
    this.isDraining = true;
    this.wake();
  }

  /** Ends the loop now, aborting a request in flight. */
  stop(): void {
    this.halt.abort();
    this.wake();
  }

  async run(): Promise<void> {
    while (!this.halt.signal.aborted) {
      try {
        if (await this.step()) return;
      } catch (error) {
        // A file system error (disk full, permissions): keep the loop alive and try again.
        const fields = { kind: this.options.kind, err: (error as Error).message };
        this.options.logger.error(fields, 'record spool error, will retry');
        await this.pause(this.options.retryMaxMs, false);
      }
    }
  }

  /** One turn of the loop; true when a draining lane has nothing left. */
  private async step(): Promise<boolean> {
    const { spool } = this.options;
    const batch = spool.oldest();
    if (batch) {
      await this.ship(batch);
      return false;
    }
    if (!spool.hasOpenRecords && this.isDraining) return true;

    // Let records gather for a flush interval, then seal what came as one batch.
    if (!this.isDraining) await this.pause(this.options.flushIntervalMs, true);
    if (!this.halt.signal.aborted) await spool.seal();

    return false;
  }

  private async ship(batch: TSpoolBatch): Promise<void> {
    const { spool, logger, kind } = this.options;
    const records = await spool.readBatch(batch);
    if (records === null) return;
    if (records.length === 0) return spool.remove(batch);

    const body = JSON.stringify({ batchId: batch.batchId, records });
    const outcome = await this.options.send(body, this.halt.signal);
    const fields = { kind, batchId: batch.batchId, records: records.length };

    if (outcome.kind === 'delivered') {
      await spool.remove(batch);
      this.deliveredRecords += records.length;
      this.failures = 0;
      logger.debug({ ...fields, isDuplicate: outcome.isDuplicate }, 'batch delivered');
    } else if (outcome.kind === 'rejected') {
      await this.handleRejected(batch, records, outcome.message);
    } else if (!this.halt.signal.aborted) {
      this.failures += 1;
      const delayMs = this.backoff();
      const retry = { ...fields, code: 'API_UNREACHABLE', reason: outcome.reason, delayMs };
      logger.warn(retry, 'batch not delivered, will retry');
      await this.pause(delayMs, false);
    }
  }

  private async handleRejected(batch: TSpoolBatch, records: unknown[], message: string) {
    const { spool, logger, kind } = this.options;
    this.failures = 0;

    if (records.length > 1) {
      const fields = { code: 'BATCH_REJECTED', kind, batchId: batch.batchId, message };
      logger.warn({ ...fields, records: records.length }, 'batch refused, splitting it');
      await spool.split(batch, records);
      return;
    }

    this.rejectedRecords += 1;
    const fields = { code: 'RECORD_REJECTED', kind, record: records[0], message };
    logger.error(fields, 'record refused by the API, dropped');
    await spool.remove(batch);
  }

  // Capped exponential backoff with jitter, so workers that lost the API together do not
  // all come back in the same second.
  private backoff(): number {
    const { retryBaseMs, retryMaxMs } = this.options;
    const ceiling = Math.min(retryMaxMs, retryBaseMs * 2 ** Math.min(this.failures - 1, 30));

    return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
  }

  private pause(ms: number, isWakeable: boolean): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.halt.signal.removeEventListener('abort', done);
        if (this.wakeUp === done) this.wakeUp = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.halt.signal.addEventListener('abort', done);
      if (isWakeable) this.wakeUp = done;
    });
  }
}
