import { ApiError, isApiError } from '../api/api-error.ts';

const ITEM_PATH = /^(.+)\.(\d+)$/;

/**
 * Lists are edited as one entry per line, so an error the API names by item
 * (`resolvers.2`) is moved onto the list's own field as "line 3: ...".
 */
export function toListFieldError(error: unknown, isListField: (path: string) => boolean): unknown {
  if (!isApiError(error) || !error.field) return error;
  const match = ITEM_PATH.exec(error.field);

  if (!match?.[1] || !isListField(match[1])) return error;
  const prefix = `${error.field}: `;
  const { message } = error;
  const reason = message.startsWith(prefix) ? message.slice(prefix.length) : message;
  const placed = `line ${Number(match[2]) + 1}: ${reason}`;

  return new ApiError(error.code, placed, error.status, match[1]);
}

/** A textarea's lines as a list: blank lines dropped, spaces trimmed. */
export function linesToList(text: string): string[] {
  return text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
}

export function listToLines(list: readonly string[]): string {
  return list.join('\n');
}

// Text that is not a whole number goes as typed, so the API's schema names the field.
export function toWholeNumber(text: string): number {
  const trimmed = text.trim();

  return (/^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed) as number;
}
