const COUNT = new Intl.NumberFormat('en-US');

export function formatCount(value: number): string {
  return COUNT.format(value);
}

const BYTE_UNITS = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];

/** 1536 → "1.5 KiB": traffic volumes read at a glance; the exact count goes in a tooltip. */
export function formatBytes(value: number): string {
  let amount = value;
  let unit = 0;

  while (amount >= 1024 && unit < BYTE_UNITS.length - 1) {
    amount /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || amount >= 100 ? 0 : 1;

  return `${amount.toFixed(digits)} ${BYTE_UNITS[unit]}`;
}
