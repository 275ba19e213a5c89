/**
 * What a phase of a session decides. The closed set keeps protocol handling apart
 * from policy: phase modules return one of these, reply-table.ts alone turns them
 * into SMTP replies. Checks of later milestones add their refusals here.
 */
export const VERDICTS = [
  'continue',
  'no_pool',
  'no_member_available',
  'backend_lost',
  'backend_lost_in_data',
  'message_too_large',
  'worker_stopping',
] as const;

export type TVerdict = (typeof VERDICTS)[number];
export type TRefusal = Exclude<TVerdict, 'continue'>;
