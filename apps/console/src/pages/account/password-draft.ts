import { ApiError, isApiError } from '../../api/api-error.ts';

export const MIN_PASSWORD_LENGTH = 12;

export type TPasswordDraft = { currentPassword: string; newPassword: string; confirm: string };

export const EMPTY_PASSWORD_DRAFT: TPasswordDraft = {
  currentPassword: '',
  newPassword: '',
  confirm: '',
};

function fieldError(field: string, message: string): ApiError {
  return new ApiError('VALIDATION_FAILED', message, 400, field);
}

/** What is wrong before asking the API, as the error the API itself would give. */
export function checkPasswordDraft(draft: TPasswordDraft): ApiError | null {
  if (!draft.currentPassword) return fieldError('currentPassword', 'Enter your current password.');
  if (draft.newPassword.length < MIN_PASSWORD_LENGTH) {
    return fieldError('newPassword', `Use at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
  if (draft.confirm !== draft.newPassword) {
    return fieldError('confirm', 'The two new passwords differ.');
  }

  return null;
}

// A wrong current password comes back without a field: it belongs beside that field.
export function placePasswordError(error: unknown): unknown {
  if (!isApiError(error) || error.field) return error;
  if (error.code !== 'INVALID_CREDENTIALS' && error.code !== 'INVALID_PASSWORD') return error;

  return fieldError('currentPassword', 'The current password is not correct.');
}
