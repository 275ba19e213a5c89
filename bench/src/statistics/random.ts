// Deterministic randomness, so every run seeds the same data set.

export type TRandom = () => number;

/** mulberry32: a small, fast generator of numbers in [0, 1) from a 32-bit seed. */
export function createRandom(seed: number): TRandom {
  let state = seed >>> 0;

  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);

    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Picks indexes 0..n-1 with Zipf weights (index k weighs 1 / (k + 1)^exponent):
 * a few values take most of the draws, as abusive clients and common violations do.
 */
export function createZipfPicker(n: number, exponent: number, random: TRandom): () => number {
  const cumulative = new Float64Array(n);
  let sum = 0;
  for (let k = 0; k < n; k += 1) {
    sum += 1 / (k + 1) ** exponent;
    cumulative[k] = sum;
  }

  return () => {
    const target = random() * sum;
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] ?? 0) < target) low = middle + 1;
      else high = middle;
    }

    return low;
  };
}

export function pickOne<T>(items: readonly T[], random: TRandom): T {
  return items[Math.floor(random() * items.length)] as T;
}
