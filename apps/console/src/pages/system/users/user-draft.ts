import { ApiError, isApiError } from '../../../api/api-error.ts';
import type { TUser, TUserPatch } from '../../../api/users.ts';
import type { TRole } from '../../../auth/permissions.ts';

export const USER_LIST_PATH = '/system/users';
export const USER_FORM_ID = 'user';

const FIELDS = new Set(['username', 'password', 'role', 'disabled']);

export function isUserField(path: string): boolean {
  return FIELDS.has(path);
}

export type TUserDraft = { username: string; password: string; role: TRole; disabled: boolean };

export const EMPTY_USER_DRAFT: TUserDraft = {
  username: '',
  password: '',
  role: 'OPERATOR',
  disabled: false,
};

export function draftFromUser(user: TUser): TUserDraft {
  return { username: user.username, password: '', role: user.role, disabled: user.disabled };
}

/** Only what changed: a blank password keeps the current one. */
export function draftToPatch(user: TUser, draft: TUserDraft): TUserPatch {
  return {
    ...(draft.role !== user.role ? { role: draft.role } : {}),
    ...(draft.disabled !== user.disabled ? { disabled: draft.disabled } : {}),
    ...(draft.password !== '' ? { password: draft.password } : {}),
  };
}

/**
 * The API refuses to leave no enabled administrator (409 LAST_ADMINISTRATOR) without
 * naming a field; beside the field whose change caused it is where a person looks.
 */
export function placeUserError(error: unknown, patch: TUserPatch | undefined): unknown {
  if (!isApiError(error) || error.field || error.code !== 'LAST_ADMINISTRATOR') return error;
  if (patch?.role !== undefined) return withField(error, 'role');
  if (patch?.disabled !== undefined) return withField(error, 'disabled');

  return error;
}

function withField(error: ApiError, field: string): ApiError {
  const placed = new ApiError(error.code, error.message, error.status, field);

  placed.retryAfterS = error.retryAfterS;

  return placed;
}
