export type TTimings = { p50: number; p95: number; max: number };

// Nearest rank: the smallest value with at least `share` of the values at or below it.
function percentile(sorted: number[], share: number): number {
  return sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)] ?? Number.NaN;
}

async function timeOne(url: string, headers: Record<string, string>): Promise<number> {
  const startedAt = process.hrtime.bigint();
  const response = await fetch(url, { headers });
  const body = await response.text();
  const ms = Number(process.hrtime.bigint() - startedAt) / 1e6;
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${body}`);

  return ms;
}

/**
 * Latency of one query over HTTP, body read included: a few requests to warm
 * caches, then `requests` one after another. `paths` are used in turn.
 */
export async function timeQuery(
  baseUrl: string,
  paths: string[],
  options: { warmUp: number; requests: number; headers: Record<string, string> },
): Promise<TTimings> {
  const pathOf = (index: number) => paths[index % paths.length] as string;
  const { headers } = options;
  for (let i = 0; i < options.warmUp; i += 1) await timeOne(`${baseUrl}${pathOf(i)}`, headers);

  const durations: number[] = [];
  for (let i = 0; i < options.requests; i += 1) {
    durations.push(await timeOne(`${baseUrl}${pathOf(i)}`, headers));
  }
  durations.sort((a, b) => a - b);

  return {
    p50: percentile(durations, 0.5),
    p95: percentile(durations, 0.95),
    max: durations.at(-1) ?? 0,
  };
}
