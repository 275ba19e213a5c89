import type { TProfileAssignments } from '@portcullis/contracts';
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from './api-fetch.ts';

export type TAssignment = { serviceProfile: string; securityProfile: string };

export const profileAssignmentKeys = {
  all: ['profile-assignments'] as const,
};

export function profileAssignmentsQuery() {
  return queryOptions({
    queryKey: profileAssignmentKeys.all,
    queryFn: ({ signal }) => apiFetch<TProfileAssignments>('/profile-assignments', { signal }),
  });
}

/** Service profiles left out of `assignments` keep the security profile they have. */
export function saveSmtpAssignments(assignments: TAssignment[]): Promise<TProfileAssignments> {
  return apiFetch<TProfileAssignments>('/profile-assignments/smtp', {
    method: 'PUT',
    json: { assignments },
  });
}
