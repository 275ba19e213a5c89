// Counts failed sign-ins per (account, address) and per address in a fixed window.
// The counts live in this process's memory: several API processes each allow the
// limit, and a restart forgets them. Enough to make guessing slow; a shared store
// (Redis, as the worker's counters use) is the fix when the API runs replicated.

export type TSignInLimits = {
  // Failed attempts one address may make on one account per window.
  perAccount: number;
  // Failed attempts one address may make on all accounts together per window.
  perAddress: number;
  windowMs: number;
};

export const DEFAULT_SIGN_IN_LIMITS: TSignInLimits = {
  perAccount: 5,
  perAddress: 20,
  windowMs: 15 * 60_000,
};

// Bounds memory under a flood of made-up names from many addresses; the oldest
// window is forgotten first.
const MAX_KEYS = 50_000;

type TWindow = { failures: number; startedAt: number };

export class SignInLimiter {
  private readonly windows = new Map<string, TWindow>();

  constructor(
    private readonly limits: TSignInLimits = DEFAULT_SIGN_IN_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds to wait before the next attempt, or 0 when one may be made now. */
  retryAfterSeconds(username: string, address: string): number {
    const waits = [
      this.wait(accountKey(username, address), this.limits.perAccount),
      this.wait(addressKey(address), this.limits.perAddress),
    ];

    return Math.max(...waits);
  }

  recordFailure(username: string, address: string): void {
    this.bump(accountKey(username, address));
    this.bump(addressKey(address));
  }

  /** A correct password clears the account's count from that address. */
  recordSuccess(username: string, address: string): void {
    this.windows.delete(accountKey(username, address));
  }

  private current(key: string): TWindow | undefined {
    const window = this.windows.get(key);
    if (window && this.now() - window.startedAt >= this.limits.windowMs) {
      this.windows.delete(key);
      return undefined;
    }

    return window;
  }

  private wait(key: string, limit: number): number {
    const window = this.current(key);
    if (!window || window.failures < limit) return 0;

    const remainingMs = window.startedAt + this.limits.windowMs - this.now();

    return Math.max(1, Math.ceil(remainingMs / 1000));
  }

  private bump(key: string): void {
    const window = this.current(key);
    if (window) {
      window.failures += 1;
      return;
    }

    if (this.windows.size >= MAX_KEYS) {
      const oldest = this.windows.keys().next().value;
      if (oldest !== undefined) this.windows.delete(oldest);
    }
    this.windows.set(key, { failures: 1, startedAt: this.now() });
  }
}

const accountKey = (username: string, address: string) => `account\u0000${username}\u0000${address}`;
const addressKey = (address: string) => `address\u0000${address}`;
