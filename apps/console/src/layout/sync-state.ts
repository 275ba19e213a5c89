import type { TWorkerState } from '@portcullis/contracts';

export type TSyncTone = 'green' | 'red' | 'grey';

export type TSyncSummary = { text: string; tone: TSyncTone; detail: string };

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** "config v12 · 1 worker in sync", and a tooltip with each worker's version. */
export function summarizeSync(version: number | null, workers: TWorkerState[]): TSyncSummary {
  const config = version === null ? 'no config yet' : `config v${version}`;
  const alive = workers.filter((w) => w.isAlive);
  const inSync = alive.filter((w) => w.isInSync);
  const detail = workers
    .map((w) => {
      const state = w.isAlive ? `applied v${w.appliedVersion ?? '-'}` : 'not heard from';

      return `${w.id}: ${state}`;
    })
    .join('\n');

  if (alive.length === 0) {
    return { text: `${config} · no worker connected`, tone: 'grey', detail: detail || 'none' };
  }
  if (inSync.length === alive.length) {
    const text = `${config} · ${plural(alive.length, 'worker')} in sync`;

    return { text, tone: 'green', detail };
  }
  const text = `${config} · ${inSync.length} of ${plural(alive.length, 'worker')} in sync`;

  return { text, tone: 'red', detail };
}
