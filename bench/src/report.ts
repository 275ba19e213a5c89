interface TRow {
  load: string;
  figures: Record<string, number>;
}

const pad = (text: string, width: number) => text.padStart(width);

/** Prints messages per second side by side, then Portcullis's ratios to each peer. */
export function printTable(
  rows: TRow[],
  targets: string[],
  meta: { rounds: number; sessions: number; peakRss: number | null },
) {
  const [direct, haraka, portcullis] = targets as [string, string, string];
  const out: string[] = [];
  out.push(`SMTP relay throughput, messages/s (median of ${meta.rounds} rounds, ${meta.sessions} sessions)`);
  out.push('');
  const header = ['load'.padEnd(36), ...targets.map((t) => pad(t, 22)), pad('vs Haraka', 10), pad('vs direct', 10)];
  out.push(header.join(' '));
  for (const row of rows) {
    const cells = targets.map((t) => pad(row.figures[t]!.toFixed(0), 22));
    const vsHaraka = row.figures[portcullis]! / row.figures[haraka]!;
    const vsDirect = row.figures[portcullis]! / row.figures[direct]!;
    const ratios = [pad(`${vsHaraka.toFixed(2)}x`, 10), pad(vsDirect.toFixed(3), 10)];
    out.push([row.load.padEnd(36), ...cells, ...ratios].join(' '));
  }
  out.push('');
  const rss = meta.peakRss === null ? 'unknown' : `${(meta.peakRss / 1024 / 1024).toFixed(1)} MiB`;
  out.push(`Portcullis worker peak RSS (VmHWM): ${rss}`);
  process.stdout.write(`${out.join('\n')}\n`);
}
