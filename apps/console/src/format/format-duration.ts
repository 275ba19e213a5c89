const UNITS: Array<[seconds: number, name: string]> = [
  [86_400, 'day'],
  [3_600, 'hour'],
  [60, 'minute'],
];

/** 3110400 → "36 days", 5400 → "1.5 hours": the largest unit that fits. */
export function formatDuration(seconds: number): string {
  const [size, name] = UNITS.find(([unit]) => seconds >= unit) ?? [1, 'second'];
  const amount = Math.round((seconds / size) * 10) / 10;

  return `${amount} ${name}${amount === 1 ? '' : 's'}`;
}
