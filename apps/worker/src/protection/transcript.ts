// The last few lines of a session, so a violation record shows what led up to it.

export interface TTranscript {
  add(direction: 'C' | 'S', line: string): void;
  lines(): string[];
}

const KEPT_LINES = 10;
const MAX_LINE_CHARS = 200;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1f\x7f]/g;
const VISIBLE: Record<string, string> = { '\r': '<CR>', '\n': '<LF>', '\t': '<TAB>' };

// Lines are kept as they came, in a ring beside their directions, and put together and
// made readable only when a record needs them (most sessions never do).
export function createTranscript(): TTranscript {
  const ring: string[] = [];
  const directions: Array<'C' | 'S'> = [];
  let next = 0;

  return {
    add(direction, line) {
      ring[next % KEPT_LINES] = line;
      directions[next % KEPT_LINES] = direction;
      next += 1;
    },
    lines() {
      const start = Math.max(0, next - KEPT_LINES);
      const lines: string[] = [];
      for (let index = start; index < next; index += 1) {
        const slot = index % KEPT_LINES;
        lines.push(toVisible(`${directions[slot]}: ${ring[slot] ?? ''}`));
      }

      return lines;
    },
  };
}

/** Bare CRs and LFs are evidence: they are shown, not dropped. */
export function toVisible(line: string): string {
  const shown = line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS)}...` : line;

  return shown.replace(CONTROL, (char) => VISIBLE[char] ?? '?');
}
