import { median } from './measure.ts';

export interface TRow {
  load: string;
  // Messages per second of each round, by target name; rounds taken in turn.
  rates: Record<string, number[]>;
  // The serving process's CPU time per message, for the targets it was counted for.
  cpuMs: Record<string, number>;
}

/** One target's figure over another's, with the target when it has one. */
export interface TRatio {
  label: string;
  target: string;
  peer: string;
  // Shown as a factor (3.20x) or as a share (0.85).
  style: 'factor' | 'share';
  goal?: number;
}

const pad = (text: string, width: number) => text.padStart(width);

// Rounds were taken in turn, so round i of every target ran under the same outside load:
// the ratio is the median of the rounds' ratios.
function ratioOf(row: TRow, ratio: TRatio): number {
  const mine = row.rates[ratio.target]!;
  const theirs = row.rates[ratio.peer]!;

  return median(mine.map((rate, index) => rate / theirs[index]!));
}

function formatRatio(value: number, ratio: TRatio): string {
  const text = ratio.style === 'factor' ? `${value.toFixed(2)}x` : value.toFixed(2);
  if (ratio.goal === undefined) return text;

  return `${text}${value >= ratio.goal ? ' ok' : ' MISS'}`;
}

/** Prints the targets' median messages per second side by side, then the ratios. */
export function printTable(
  rows: TRow[],
  targets: string[],
  ratios: TRatio[],
  meta: { rounds: number; sessions: number; peakRss: number | null; loadAverage: string },
) {
  const out: string[] = [];
  const rounds = `median of ${meta.rounds} rounds, ${meta.sessions} sessions`;
  out.push(`SMTP relay throughput, messages/s (${rounds})`);
  out.push('');
  const columns = [...targets.map((t) => pad(t, 14)), ...ratios.map((r) => pad(r.label, 20))];
  const header = ['load'.padEnd(36), ...columns];
  out.push(header.join(' '));
  for (const row of rows) {
    const cells = targets.map((t) => pad(median(row.rates[t]!).toFixed(0), 14));
    const shares = ratios.map((ratio) => pad(formatRatio(ratioOf(row, ratio), ratio), 20));
    out.push([row.load.padEnd(36), ...cells, ...shares].join(' '));
  }
  out.push('');
  const cpuTargets = targets.filter((t) => rows.every((row) => row.cpuMs[t] !== undefined));
  if (cpuTargets.length > 0) {
    const [cheapest, dearest] = [cpuTargets[0]!, cpuTargets.at(-1)!];
    out.push(`Worker CPU time per message, ms (counted rounds); ratio: ${cheapest} / ${dearest}`);
    out.push(['load'.padEnd(36), ...cpuTargets.map((t) => pad(t, 14)), pad('ratio', 14)].join(' '));
    for (const row of rows) {
      const cells = cpuTargets.map((t) => pad(row.cpuMs[t]!.toFixed(3), 14));
      const share = row.cpuMs[cheapest]! / row.cpuMs[dearest]!;
      out.push([row.load.padEnd(36), ...cells, pad(share.toFixed(2), 14)].join(' '));
    }
    out.push('');
  }
  for (const ratio of ratios) {
    const goalText = ratio.style === 'factor' ? `${ratio.goal}x` : String(ratio.goal);
    const goal = ratio.goal === undefined ? '' : `, goal ${goalText}`;
    const of = `${ratio.target} / ${ratio.peer}`;
    out.push(`${ratio.label}: ${of}, median of the rounds' ratios${goal}`);
  }
  const rss = meta.peakRss === null ? 'unknown' : `${(meta.peakRss / 1024 / 1024).toFixed(1)} MiB`;
  out.push(`Portcullis worker peak RSS (VmHWM): ${rss}`);
  out.push(`Load average (1, 5, 15 min) at the end: ${meta.loadAverage}`);
  process.stdout.write(`${out.join('\n')}\n`);
}
