import { ZPoolMemberInput, type TPoolMemberInput } from '@portcullis/contracts';
import { ApiError, isApiError } from '../../../api/api-error.ts';

/** The New Members row: node name, address and port as typed. */
export type TMemberDraft = { nodeName: string; address: string; servicePort: string };

export const EMPTY_MEMBER_DRAFT: TMemberDraft = { nodeName: '', address: '', servicePort: '25' };

const NEW_MEMBER = 'newMember';

function toMemberInput(draft: TMemberDraft): TPoolMemberInput {
  const nodeName = draft.nodeName.trim();
  const port = draft.servicePort.trim();

  return {
    ...(nodeName ? { nodeName } : {}),
    address: draft.address.trim(),
    servicePort: (/^\d+$/.test(port) ? Number(port) : port) as number,
  };
}

/**
 * Checks a member before it joins the list, with the contracts' own schema, so a
 * typo is caught beside the New Members inputs rather than as `members.3.address`
 * after Finished.
 */
export function parseMemberDraft(draft: TMemberDraft): TPoolMemberInput {
  const input = toMemberInput(draft);
  const parsed = ZPoolMemberInput.safeParse(input);

  if (parsed.success) return input;
  const issue = parsed.error.issues[0];
  const field = `${NEW_MEMBER}.${String(issue?.path[0] ?? 'address')}`;

  throw new ApiError('VALIDATION_FAILED', issue?.message ?? 'invalid member', 400, field);
}

/** An error from POST /pools/:id/members names the member's field; place it on the New row. */
export function asNewMemberError(error: unknown): unknown {
  if (!isApiError(error) || !error.field) return error;

  return new ApiError(error.code, error.message, error.status, `${NEW_MEMBER}.${error.field}`);
}
