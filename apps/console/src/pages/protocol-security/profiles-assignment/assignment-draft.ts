import type { TProfileAssignments } from '@portcullis/contracts';
import { ApiError, isApiError } from '../../../api/api-error.ts';
import type { TAssignment } from '../../../api/profile-assignments.ts';

export type TAssignmentRow = TProfileAssignments['protocols'][number]['rows'][number];

/**
 * The security profiles chosen here, by service profile: only rows the user touched,
 * so a refresh shows what others saved in the rest.
 */
export type TAssignmentDraft = Record<string, string>;

/** Only the rows changed here are sent: the others keep what they have (or inherit). */
export function changedAssignments(rows: TAssignmentRow[], draft: TAssignmentDraft): TAssignment[] {
  return rows.flatMap((row) => {
    const chosen = draft[row.serviceProfile];
    const isChanged = chosen !== undefined && chosen !== '' && chosen !== row.securityProfile;

    return isChanged ? [{ serviceProfile: row.serviceProfile, securityProfile: chosen }] : [];
  });
}

const ROW_FIELD = /^assignments\.(\d+)\./;

/** The service profile whose row an error such as `assignments.0.securityProfile` names. */
export function rowOfError(error: unknown, sent: TAssignment[]): string | undefined {
  if (!isApiError(error) || !error.field) return undefined;
  const index = ROW_FIELD.exec(error.field)?.[1];

  return index === undefined ? undefined : sent[Number(index)]?.serviceProfile;
}

/** The message beside a row need not repeat the field path. */
export function rowMessage(error: unknown): string {
  if (!(error instanceof ApiError) || !error.field) return String(error);
  const prefix = `${error.field}: `;

  return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
}
