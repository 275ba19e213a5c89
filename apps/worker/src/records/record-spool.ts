// An append-only spool of records on disk, one directory per kind. Records are appended to
// open.ndjson (one JSON record a line); when it holds batchSize records, or when the shipper
// is ready to send, it is renamed into a sealed batch file whose name carries a sequence
// number, a batch id and the record count:
//
//   000000000042-5f0c...e1-500.ndjson
//
// A sealed batch never changes, so it is re-sent with the same batch id after any retry or
// restart, and the API counts it once. It is deleted only after the API answered 2xx.
//
// The spool is bounded: when a record would take it past maxBytes, the oldest sealed batches
// are deleted unsent (SPOOL_FULL, counted in droppedRecords). All changes to the files run
// one after another through a single queue.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { TLogger } from '../logging/create-logger.ts';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../runtime/private-dir.ts';

export interface TSpoolBatch {
  seq: number;
  batchId: string;
  count: number;
  bytes: number;
  file: string;
}

export interface TRecordSpoolOptions {
  dir: string;
  maxBytes: number;
  batchSize: number;
  logger: TLogger;
  /** Called after a batch is sealed, so the sender can wake up. */
  onSealed?: () => void;
}

const OPEN_FILE = 'open.ndjson';
const BATCH_FILE = /^(\d{12})-([0-9a-f]{24}(?:\.[01])*)-(\d+)\.ndjson$/;
const SEQ_DIGITS = 12;

export class RecordSpool {
  droppedRecords = 0;
  private readonly options: TRecordSpoolOptions;
  private readonly openPath: string;
  private batches: TSpoolBatch[] = [];
  private batchBytes = 0;
  private openCount = 0;
  private openBytes = 0;
  private nextSeq = 1;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: TRecordSpoolOptions) {
    this.options = options;
    this.openPath = path.join(options.dir, OPEN_FILE);
  }

  get bytes(): number {
    return this.batchBytes + this.openBytes;
  }

  get pendingRecords(): number {
    return this.openCount + this.batches.reduce((sum, batch) => sum + batch.count, 0);
  }

  get hasOpenRecords(): boolean {
    return this.openCount > 0;
  }

  /** Reads what a previous run left: sealed batches in order, and the open file. */
  open(): Promise<void> {
    return this.serialize(async () => {
      await ensurePrivateDir(this.options.dir);
      for (const name of (await fs.readdir(this.options.dir)).sort()) {
        await this.adoptFile(name);
      }
      this.nextSeq = Math.max(0, ...this.batches.map((batch) => batch.seq)) + 1;
      await this.resumeOpenFile();
    });
  }

  append(lines: string[]): Promise<void> {
    return this.serialize(() => this.appendNow(lines));
  }

  seal(): Promise<TSpoolBatch | null> {
    return this.serialize(() => this.sealNow());
  }

  oldest(): TSpoolBatch | undefined {
    return this.batches[0];
  }

  /** The batch's records; null when it was dropped meanwhile. Torn lines are skipped. */
  async readBatch(batch: TSpoolBatch): Promise<unknown[] | null> {
    let text: string;
    try {
      text = await fs.readFile(batch.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }

    return parseLines(text, (line) => {
      const fields = { code: 'SPOOL_CORRUPT_LINE', file: batch.file, line: line.slice(0, 200) };
      this.options.logger.warn(fields, 'skipped an unreadable spooled record');
    });
  }

  /** Deletes a delivered batch. */
  remove(batch: TSpoolBatch): Promise<void> {
    return this.serialize(async () => {
      if (!this.batches.includes(batch)) return;

      await fs.rm(batch.file, { force: true });
      this.forget(batch);
    });
  }

  /** Replaces a batch with its two halves, in its place in the order, with derived ids. */
  split(batch: TSpoolBatch, records: unknown[]): Promise<void> {
    return this.serialize(async () => {
      const index = this.batches.indexOf(batch);
      if (index === -1 || records.length < 2) return;

      const middle = Math.ceil(records.length / 2);
      const halves = [records.slice(0, middle), records.slice(middle)];
      const parts = await Promise.all(
        halves.map((half, part) => this.writeBatch(batch.seq, `${batch.batchId}.${part}`, half)),
      );

      this.batches.splice(index, 1, ...parts);
      this.batchBytes += parts.reduce((sum, part) => sum + part.bytes, 0) - batch.bytes;
      await fs.rm(batch.file, { force: true });
    });
  }

  private serialize<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);

    return run;
  }

  private async appendNow(lines: string[]): Promise<void> {
    let chunk: string[] = [];
    const flush = async () => {
      if (chunk.length === 0) return;

      await fs.appendFile(this.openPath, chunk.join(''), { mode: PRIVATE_FILE_MODE });
      chunk = [];
    };

    for (const line of lines) {
      const text = `${line}\n`;
      const size = Buffer.byteLength(text);
      if (size > this.options.maxBytes) {
        this.reportDropped(1, 'a record larger than the whole spool');
        continue;
      }

      if (this.bytes + size > this.options.maxBytes) {
        await flush();
        await this.makeRoom(size);
      }
      chunk.push(text);
      this.openCount += 1;
      this.openBytes += size;

      if (this.openCount >= this.options.batchSize) {
        await flush();
        await this.sealNow();
      }
    }

    await flush();
  }

  private async makeRoom(size: number): Promise<void> {
    while (this.bytes + size > this.options.maxBytes) {
      const oldest = this.batches[0] ?? (await this.sealNow());
      if (!oldest) return;

      this.forget(oldest);
      await fs.rm(oldest.file, { force: true });
      this.reportDropped(oldest.count, 'the spool is full');
    }
  }

  private async sealNow(): Promise<TSpoolBatch | null> {
    if (this.openCount === 0) return null;

    const seq = this.nextSeq;
    this.nextSeq += 1;
    const batchId = randomBytes(12).toString('hex');
    const file = path.join(this.options.dir, batchFileName(seq, batchId, this.openCount));
    await fs.rename(this.openPath, file);

    const batch = { seq, batchId, count: this.openCount, bytes: this.openBytes, file };
    this.batches.push(batch);
    this.batchBytes += batch.bytes;
    this.openCount = 0;
    this.openBytes = 0;
    this.options.onSealed?.();

    return batch;
  }

  private async writeBatch(seq: number, batchId: string, records: unknown[]) {
    const file = path.join(this.options.dir, batchFileName(seq, batchId, records.length));
    const text = records.map((record) => `${JSON.stringify(record)}\n`).join('');
    // Written aside and renamed, so a crash leaves the whole half or none of it.
    await fs.writeFile(`${file}.tmp`, text, { mode: PRIVATE_FILE_MODE });
    await fs.rename(`${file}.tmp`, file);

    return { seq, batchId, count: records.length, bytes: Buffer.byteLength(text), file };
  }

  private async adoptFile(name: string): Promise<void> {
    const file = path.join(this.options.dir, name);
    if (name.endsWith('.tmp')) {
      // Half of a split that a crash interrupted: the whole batch is still there.
      await fs.rm(file, { force: true });
      return;
    }

    const match = BATCH_FILE.exec(name);
    if (!match) return;

    const { size } = await fs.stat(file);
    const batch = { seq: Number(match[1]), batchId: match[2]!, count: Number(match[3]), file };
    this.batches.push({ ...batch, bytes: size });
    this.batchBytes += size;
  }

  private async resumeOpenFile(): Promise<void> {
    const text = await fs.readFile(this.openPath, 'utf8').catch(() => '');

    // A write cut short by a crash leaves a torn last line; end it so the next record
    // starts on a line of its own (the torn one is skipped when read).
    if (text !== '' && !text.endsWith('\n')) await fs.appendFile(this.openPath, '\n');

    this.openCount = parseLines(text, () => {}).length;
    this.openBytes = Buffer.byteLength(text) + (text !== '' && !text.endsWith('\n') ? 1 : 0);
  }

  private forget(batch: TSpoolBatch): boolean {
    const index = this.batches.indexOf(batch);
    if (index === -1) return false;

    this.batches.splice(index, 1);
    this.batchBytes -= batch.bytes;

    return true;
  }

  private reportDropped(count: number, reason: string): void {
    this.droppedRecords += count;
    const fields = { code: 'SPOOL_FULL', dropped: count, totalDropped: this.droppedRecords };
    this.options.logger.error(fields, `dropped unsent records: ${reason}`);
  }
}

function batchFileName(seq: number, batchId: string, count: number): string {
  return `${String(seq).padStart(SEQ_DIGITS, '0')}-${batchId}-${count}.ndjson`;
}

function parseLines(text: string, onBadLine: (line: string) => void): unknown[] {
  const records: unknown[] = [];

  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      records.push(JSON.parse(line));
    } catch {
      onBadLine(line);
    }
  }

  return records;
}
