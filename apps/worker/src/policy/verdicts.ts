/**
 * What a phase of a session decides. The closed set keeps protocol handling apart
 * from policy: phase modules return one of these, reply-table.ts alone turns them
 * into SMTP replies. Refusals decided by a security profile carry their reply, built
 * from @portcullis/policy's table with the Support ID of the violation recorded.
 */
export const VERDICTS = [
  'continue',
  'no_pool',
  'no_member_available',
  'backend_lost',
  'backend_lost_in_data',
  'message_too_large',
  'scan_unavailable',
  'worker_stopping',
  'too_many_errors',
  'local_fault',
] as const;

export type TVerdict = (typeof VERDICTS)[number];
export type TRefusal = Exclude<TVerdict, 'continue'>;

/** A refusal by the security profile, or a temporary failure of one of its checks. */
export interface TPolicyReply {
  code: number;
  // What follows the code: the enhanced status code (unless before EHLO), the text and,
  // for a recorded violation, "(Support ID: XXXXX-XXXXX)".
  text: string;
  // RFC 5321 3.8: a 421 closes the connection.
  isClosing: boolean;
}

/** What the policy modules of the phases return. */
export type TPhaseVerdict = TVerdict | TPolicyReply;

export function isPolicyReply(verdict: TPhaseVerdict): verdict is TPolicyReply {
  return typeof verdict === 'object';
}
