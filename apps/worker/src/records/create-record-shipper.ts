// Ships violation records and traffic counters to the API without losing them to a restart
// or an API outage: every record goes to an on-disk spool first (record-spool.ts) and leaves
// it only after the API answered 2xx (ship-lane.ts). See README.md in this folder.
import path from 'node:path';
import {
  WORKER_ID_HEADER,
  ZViolationRecord,
  type TViolationRecord,
} from '@portcullis/contracts';
import type { TLogger } from '../logging/create-logger.ts';
import { postBatch } from './post-batch.ts';
import { RecordSpool } from './record-spool.ts';
import { ShipLane } from './ship-lane.ts';
import { acquireSpoolLock } from './spool-lock.ts';
import { TrafficAggregator, type TTrafficDeltas, type TTrafficKey } from './traffic-aggregator.ts';

export interface TRecordShipperOptions {
  spoolDir: string;
  apiUrl: string;
  workerSecret: string;
  workerId: string;
  logger: TLogger;
  /** Bound of the whole spool; 7/8 for violations, 1/8 for traffic. Default 64 MiB. */
  maxSpoolBytes?: number;
  /** Records per batch: at most 1000 violations (the contract's limit). Default 500. */
  batchSize?: number;
  /** How long records gather before a batch is sealed and sent. Default 1000 ms. */
  flushIntervalMs?: number;
  /** First retry delay after a failed delivery; doubles up to retryMaxMs. Default 1 s. */
  retryBaseMs?: number;
  /** Longest retry delay. Default 60 s. */
  retryMaxMs?: number;
  /** A request not answered within this counts as failed. Default 10 s. */
  requestTimeoutMs?: number;
  /** The clock traffic minutes are read from; injectable for tests. */
  now?: () => number;
}

export interface TShipperStats {
  /** Bytes the spool holds on disk. */
  spoolBytes: number;
  /** Records not yet delivered: in the spool, or about to be written to it. */
  pendingRecords: number;
  deliveredRecords: number;
  /** Dropped unsent because the spool was full (SPOOL_FULL). */
  droppedRecords: number;
  /** Refused by the API one by one after splitting (RECORD_REJECTED). */
  rejectedRecords: number;
  /** Refused before spooling by ZViolationRecord (RECORD_INVALID). */
  invalidRecords: number;
}

export interface TRecordShipper {
  /** Takes the spool's lock, resumes what it holds and starts sending. */
  start(): Promise<void>;
  /** Validates and spools one violation. Never throws; records before start() wait. */
  recordViolation(record: TViolationRecord): void;
  /** Adds to the traffic counters of the key's minute (now when no time is given). */
  addTraffic(key: TTrafficKey, deltas: TTrafficDeltas): void;
  /**
   * Spools the traffic still in memory, then sends what it can until the spool is empty or
   * deadlineMs passed (default 5 s). What is left stays spooled for the next start.
   */
  stop(options?: { deadlineMs?: number }): Promise<void>;
  stats(): TShipperStats;
}

const MIB = 1024 * 1024;
const DEFAULTS = {
  maxSpoolBytes: 64 * MIB,
  batchSize: 500,
  flushIntervalMs: 1_000,
  retryBaseMs: 1_000,
  retryMaxMs: 60_000,
  requestTimeoutMs: 10_000,
  stopDeadlineMs: 5_000,
};
const MAX_VIOLATIONS_PER_BATCH = 1_000;
const MAX_TRAFFIC_PER_BATCH = 5_000;

export function createRecordShipper(options: TRecordShipperOptions): TRecordShipper {
  const settings = resolveSettings(options);
  const logger = options.logger.child({ component: 'records' });
  const now = options.now ?? Date.now;
  const traffic = new TrafficAggregator(now);
  const pending: string[] = [];
  let invalidRecords = 0;
  let releaseLock: (() => Promise<void>) | null = null;
  let isOpen = false;
  let isWriteScheduled = false;
  let ticker: NodeJS.Timeout | undefined;
  let running: Array<Promise<void>> = [];

  const violations = createLane('violations', Math.floor((settings.maxSpoolBytes * 7) / 8));
  const trafficLane = createLane('traffic', Math.floor(settings.maxSpoolBytes / 8));

  function createLane(kind: 'violations' | 'traffic', maxBytes: number) {
    const limit = kind === 'violations' ? MAX_VIOLATIONS_PER_BATCH : MAX_TRAFFIC_PER_BATCH;
    const batchSize = Math.max(1, Math.min(settings.batchSize, limit));
    const spool = new RecordSpool({
      dir: path.join(settings.spoolDir, kind),
      maxBytes,
      batchSize,
      logger,
      onSealed: () => lane.wake(),
    });
    const url = `${settings.apiUrl.replace(/\/+$/, '')}/internal/v1/${kind}`;
    const headers = {
      authorization: `Bearer ${settings.workerSecret}`,
      [WORKER_ID_HEADER]: settings.workerId,
    };
    const send = (body: string, signal: AbortSignal) =>
      postBatch({ url, headers, body, signal, timeoutMs: settings.requestTimeoutMs });
    const lane = new ShipLane({ ...settings, kind, spool, send, logger });

    return { spool, lane };
  }

  const writePending = async () => {
    isWriteScheduled = false;
    const lines = pending.splice(0);
    if (lines.length === 0) return;

    await violations.spool.append(lines).catch((error: unknown) => {
      const fields = { err: (error as Error).message, records: lines.length };
      logger.error(fields, 'could not write violations to the spool');
    });
  };

  const spoolTraffic = async (isAll: boolean) => {
    const records = traffic.take({ isAll });
    if (records.length === 0) return;

    const lines = records.map((record) => JSON.stringify(record));
    await trafficLane.spool.append(lines).catch((error: unknown) => {
      const fields = { err: (error as Error).message, records: records.length };
      logger.error(fields, 'could not write traffic to the spool');
    });
  };

  const stats = (): TShipperStats => {
    const spools = [violations.spool, trafficLane.spool];
    const lanes = [violations.lane, trafficLane.lane];
    const sum = <T>(items: T[], read: (item: T) => number) =>
      items.reduce((total, item) => total + read(item), 0);

    return {
      spoolBytes: sum(spools, (spool) => spool.bytes),
      pendingRecords: pending.length + sum(spools, (spool) => spool.pendingRecords),
      deliveredRecords: sum(lanes, (lane) => lane.deliveredRecords),
      droppedRecords: sum(spools, (spool) => spool.droppedRecords),
      rejectedRecords: sum(lanes, (lane) => lane.rejectedRecords),
      invalidRecords,
    };
  };

  return {
    async start() {
      releaseLock = await acquireSpoolLock(settings.spoolDir);
      await Promise.all([violations.spool.open(), trafficLane.spool.open()]);
      isOpen = true;
      await writePending();

      running = [violations.lane.run(), trafficLane.lane.run()];
      ticker = setInterval(() => void spoolTraffic(false), settings.flushIntervalMs);
      const resumed = violations.spool.pendingRecords + trafficLane.spool.pendingRecords;
      logger.info({ resumed, spoolDir: settings.spoolDir }, 'record shipper started');
    },

    recordViolation(record) {
      const parsed = ZViolationRecord.safeParse(record);
      if (!parsed.success) {
        invalidRecords += 1;
        const fields = { code: 'RECORD_INVALID', record, issue: parsed.error.issues[0] };
        logger.error(fields, 'violation record does not match the contract, not spooled');
        return;
      }

      pending.push(JSON.stringify(parsed.data));
      if (!isOpen || isWriteScheduled) return;

      // Records of one tick share a single write to the spool.
      isWriteScheduled = true;
      setImmediate(() => void writePending());
    },

    addTraffic(key, deltas) {
      traffic.add(key, deltas);
    },

    async stop(stopOptions = {}) {
      if (!isOpen) return;

      clearInterval(ticker);
      await writePending();
      await spoolTraffic(true);

      const deadlineMs = stopOptions.deadlineMs ?? DEFAULTS.stopDeadlineMs;
      const lanes = [violations.lane, trafficLane.lane];
      for (const lane of lanes) lane.drain();
      await settleWithin(Promise.all(running), deadlineMs);
      for (const lane of lanes) lane.stop();
      await Promise.all(running);

      await releaseLock?.();
      releaseLock = null;
      isOpen = false;
      logger.info(stats(), 'record shipper stopped');
    },

    stats,
  };
}

function settleWithin(work: Promise<unknown>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    void work.finally(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function resolveSettings(options: TRecordShipperOptions) {
  return {
    ...options,
    maxSpoolBytes: options.maxSpoolBytes ?? DEFAULTS.maxSpoolBytes,
    batchSize: options.batchSize ?? DEFAULTS.batchSize,
    flushIntervalMs: options.flushIntervalMs ?? DEFAULTS.flushIntervalMs,
    retryBaseMs: options.retryBaseMs ?? DEFAULTS.retryBaseMs,
    retryMaxMs: options.retryMaxMs ?? DEFAULTS.retryMaxMs,
    requestTimeoutMs: options.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs,
  };
}
