// A message held until its scan verdict: in memory up to a bound (and while the worker's
// budget for all holds lasts), beyond it in a temporary file of its own (mode 0600,
// removed by discard()), so a large message costs disk rather than memory. Chunks go to
// the file in batches: one write per socket read would cost a system call each.
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rm, type FileHandle } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { HoldMemoryBudget } from './hold-memory-budget.ts';

// Most mail stays under this in memory; the 64 MiB a message may reach goes to disk.
export const MEMORY_HOLD_BYTES = 1024 * 1024;
const FILE_BATCH_BYTES = 256 * 1024;
const READ_PIECE_BYTES = 64 * 1024;
// portcullis-hold-<pid>-<random>.eml: the pid tells a sweep whose file it is.
export const HOLD_FILE_NAME = /^portcullis-hold-(\d+)-[0-9a-f]{16}\.eml$/;

export interface TMessageHoldOptions {
  memoryBytes?: number;
  // Where the temporary file goes; the system's temporary directory by default.
  dir?: string;
  // Shared by the worker's holds; none: only the per-message bound applies.
  budget?: HoldMemoryBudget;
}

export class MessageHold {
  bytes = 0;
  private chunks: Buffer[] = [];
  private pendingBytes = 0;
  private whole: Buffer | null = null;
  private filePath: string | null = null;
  private handle: FileHandle | null = null;
  // Taken from the budget for the chunks kept in memory; given back once they are written.
  private budgetedBytes = 0;
  private readonly memoryBytes: number;
  private readonly dir: string;
  private readonly budget: HoldMemoryBudget | null;

  constructor(options: TMessageHoldOptions = {}) {
    this.memoryBytes = options.memoryBytes ?? MEMORY_HOLD_BYTES;
    this.dir = options.dir ?? os.tmpdir();
    this.budget = options.budget ?? null;
  }

  get isOnDisk(): boolean {
    return this.filePath !== null;
  }

  async append(chunk: Buffer): Promise<void> {
    this.bytes += chunk.length;
    this.chunks.push(chunk);
    this.pendingBytes += chunk.length;
    if (!this.filePath && this.bytes <= this.memoryBytes && this.takeBudget(chunk.length)) return;

    this.handle ??= await this.createFile();
    if (this.pendingBytes >= FILE_BATCH_BYTES) await this.flush();
  }

  /** Everything appended: a Buffer when it stayed in memory, else the file's path. */
  async seal(): Promise<Buffer | string> {
    if (!this.filePath) {
      this.whole = Buffer.concat(this.chunks, this.bytes);
      this.chunks = [];

      return this.whole;
    }

    await this.flush();
    await this.handle?.close();
    this.handle = null;

    return this.filePath;
  }

  /** The sealed message as a stream, for the relay. */
  open(): Readable {
    if (this.filePath) return createReadStream(this.filePath, { highWaterMark: READ_PIECE_BYTES });

    return Readable.from([this.whole ?? Buffer.alloc(0)]);
  }

  async discard(): Promise<void> {
    this.chunks = [];
    this.whole = null;
    this.giveBudgetBack();
    const { handle, filePath } = this;
    this.handle = null;
    this.filePath = null;
    // Never throws: the message's fate is decided by now. A file left behind is named
    // portcullis-hold-<pid>-* for an operator to find.
    await handle?.close().catch(() => undefined);
    if (filePath) await rm(filePath, { force: true }).catch(() => undefined);
  }

  private takeBudget(bytes: number): boolean {
    if (!this.budget) return true;
    if (!this.budget.tryTake(bytes)) return false;

    this.budgetedBytes += bytes;
    return true;
  }

  private giveBudgetBack(): void {
    this.budget?.give(this.budgetedBytes);
    this.budgetedBytes = 0;
  }

  private async createFile(): Promise<FileHandle> {
    const name = `portcullis-hold-${process.pid}-${randomBytes(8).toString('hex')}.eml`;
    this.filePath = path.join(this.dir, name);

    // 'wx': never follow or reuse a file someone else put there.
    return open(this.filePath, 'wx', 0o600);
  }

  private async flush(): Promise<void> {
    const pieces = this.chunks;
    this.chunks = [];
    this.pendingBytes = 0;
    if (this.handle && pieces.length) await this.handle.writev(pieces);
    this.giveBudgetBack();
  }
}
