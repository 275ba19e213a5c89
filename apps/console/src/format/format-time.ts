// Times travel as ISO 8601 in UTC; people read and type them in their own time zone.

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function localDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "2026-12-04 17:32:05" in the browser's time zone; the raw text when it is no time. */
export function formatTime(iso: string): string {
  const date = new Date(iso);

  if (Number.isNaN(date.getTime())) return iso;
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;

  return `${localDate(date)} ${time}`;
}

/** The value of a datetime-local input for an ISO time ('' for none). */
export function toLocalInput(iso: string | undefined): string {
  const date = iso ? new Date(iso) : null;

  if (!date || Number.isNaN(date.getTime())) return '';

  return `${localDate(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local input's value as ISO, or undefined when empty or unreadable. */
export function fromLocalInput(value: string): string | undefined {
  const date = value ? new Date(value) : null;

  if (!date || Number.isNaN(date.getTime())) return undefined;

  return date.toISOString();
}
