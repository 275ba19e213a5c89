// Replies for checks that could not decide (see TTemporaryFailure). Always 4xx: the client
// did nothing wrong and its MTA will retry.
import type { TTemporaryReason } from '../results/check-result.ts';
import type { TBlockReply } from './block-replies.ts';

export const TEMPORARY_REPLIES: Record<TTemporaryReason, TBlockReply> = {
  // RFC 5321 4.2.2 451 "local error in processing"; RFC 3463 3.5 X.4.3 "directory server
  // failure", the code for a DNS lookup that did not complete.
  dns_unavailable: {
    code: 451,
    enhanced: '4.4.3',
    text: 'Temporary DNS failure, try again later',
  },
  // RFC 5321 4.2.2 451; RFC 3463 3.4 X.3.0 "other mail system status": our own state store
  // is unavailable, which no retry of the client can be blamed for.
  counters_unavailable: {
    code: 451,
    enhanced: '4.3.0',
    text: 'Temporary local problem, try again later',
  },
};
