// Memory that held messages may take together. Each hold keeps up to MEMORY_HOLD_BYTES of
// its message in memory; without a worker-wide bound, a burst of concurrent large
// messages would add up to far more than the data plane's memory. A hold that finds the
// budget spent goes to disk earlier instead.
export class HoldMemoryBudget {
  readonly limitBytes: number;
  private usedBytes = 0;

  constructor(limitBytes: number) {
    this.limitBytes = limitBytes;
  }

  get used(): number {
    return this.usedBytes;
  }

  tryTake(bytes: number): boolean {
    if (this.usedBytes + bytes > this.limitBytes) return false;

    this.usedBytes += bytes;
    return true;
  }

  give(bytes: number): void {
    this.usedBytes = Math.max(0, this.usedBytes - bytes);
  }
}
