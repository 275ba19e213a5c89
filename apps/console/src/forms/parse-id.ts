import { ApiError } from '../api/api-error.ts';

/** The numeric id in an edit screen's URL; anything else is a 404 for the screen. */
export function parseId(raw: string | undefined, what: string): number {
  const id = Number(raw);

  if (!Number.isInteger(id) || id < 1) {
    throw new ApiError('NOT_FOUND', `There is no ${what} with id "${raw ?? ''}".`, 404);
  }

  return id;
}
