import { useEffect } from 'react';
import { isApiError } from '../api/api-error.ts';

/** An input's id from the API's dotted field path: `pool` + `members.0.address`. */
export function fieldId(formId: string, path: string): string {
  return `${formId}-${path.replaceAll('.', '-')}`;
}

function errorIdFor(formId: string, path: string): string {
  return `${fieldId(formId, path)}-error`;
}

// Beside the field, "destinationAddress: must be an IPv4 or IPv6 address" need not
// name the field again.
function besideField(message: string, field: string): string {
  return message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
}

/**
 * Splits a failed save into the error shown beside one field (the API names it by
 * `error.field`) and the error shown in the banner (anything no visible field owns),
 * and moves focus to the field at fault so keyboard users land on it.
 */
export function useFormErrors(
  formId: string,
  error: unknown,
  isKnownField: (path: string) => boolean,
) {
  const field = isApiError(error) && error.field && isKnownField(error.field)
    ? error.field
    : undefined;
  const message = field && error instanceof Error ? besideField(error.message, field) : undefined;

  useEffect(() => {
    if (field) document.getElementById(fieldId(formId, field))?.focus();
  }, [error, field, formId]);

  return {
    bannerError: field ? null : error,
    messageFor: (path: string) => (path === field ? message : undefined),
    control: (path: string) => ({
      id: fieldId(formId, path),
      'aria-invalid': path === field ? true : undefined,
      'aria-describedby': path === field ? errorIdFor(formId, path) : undefined,
    }),
    row: (path: string) => ({
      htmlFor: fieldId(formId, path),
      error: path === field ? message : undefined,
      errorId: errorIdFor(formId, path),
    }),
  };
}

export type TFormErrors = ReturnType<typeof useFormErrors>;
