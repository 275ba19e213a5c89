// A clock tests move by hand, so greylisting and harvest timing needs no waiting.

export interface TFakeClock {
  now: () => number;
  advance(ms: number): void;
}

// A round minute, so window arithmetic in tests starts at a window boundary.
export const CLOCK_START_MS = Date.UTC(2030, 0, 1, 12, 0, 0);

export function createFakeClock(start = CLOCK_START_MS): TFakeClock {
  let current = start;

  return {
    now: () => current,
    advance: (ms) => {
      current += ms;
    },
  };
}
