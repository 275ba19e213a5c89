// Messages waiting for the log server, bounded so an absent server costs memory we chose,
// never the SMTP path's: when full, the oldest message goes and is counted.

export interface TFrameQueueLimits {
  maxMessages: number;
  maxBytes: number;
}

export class FrameQueue {
  dropped = 0;
  private items: Buffer[] = [];
  private head = 0;
  private bytes = 0;
  private readonly limits: TFrameQueueLimits;

  constructor(limits: TFrameQueueLimits) {
    this.limits = limits;
  }

  get length(): number {
    return this.items.length - this.head;
  }

  push(frame: Buffer): void {
    this.items.push(frame);
    this.bytes += frame.length;
    while (this.length > this.limits.maxMessages || this.bytes > this.limits.maxBytes) {
      this.shift();
      this.dropped += 1;
    }
  }

  peek(): Buffer | undefined {
    return this.items[this.head];
  }

  shift(): Buffer | undefined {
    const frame = this.items[this.head];
    if (frame === undefined) return undefined;

    this.head += 1;
    this.bytes -= frame.length;
    // Compact now and then instead of shifting the array on every message.
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }

    return frame;
  }

  /** Forgets every message, counting them as dropped. */
  clear(): number {
    const count = this.length;
    this.dropped += count;
    this.items = [];
    this.head = 0;
    this.bytes = 0;

    return count;
  }
}
