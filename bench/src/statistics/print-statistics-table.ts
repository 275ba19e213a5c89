import type { TTimings } from './time-query.ts';

export type TQueryResult = { name: string; targetMs: number; timings: TTimings };

const ms = (value: number) => `${value.toFixed(1)} ms`;

/** query | p50 | p95 | target | ok, then a one-line verdict. */
export function printStatisticsTable(results: TQueryResult[], notes: string[]): void {
  const width = Math.max(...results.map((result) => result.name.length), 5);
  const out = [...notes, ''];
  const headings = ['p50', 'p95', 'target'].map((heading) => heading.padStart(10));
  out.push(`${'query'.padEnd(width)}  ${headings.join('  ')}  ok`);
  for (const { name, targetMs, timings } of results) {
    const isOk = timings.p95 < targetMs;
    out.push(
      `${name.padEnd(width)}  ${ms(timings.p50).padStart(10)}  ${ms(timings.p95).padStart(10)}  ` +
        `${`< ${targetMs} ms`.padStart(10)}  ${isOk ? 'yes' : 'NO'}`,
    );
  }
  const failed = results.filter((result) => result.timings.p95 >= result.targetMs).length;
  const verdict = failed === 0 ? 'every query met its target' : `${failed} missed their target`;
  out.push('', verdict);
  process.stdout.write(`${out.join('\n')}\n`);
}
