// @portcullis/policy: the security checks of an SMTP security profile, free of sockets, and
// the shared counters (memory or Redis) they keep. See README.md.
export {
  decideAction,
  isAlarming,
  isBlocking,
  type TActionDecision,
} from './actions/decide-action.ts';
export { isCheckEnabled, violationsOfCheck, type TCheckName } from './actions/is-check-enabled.ts';

export { BLOCK_REPLIES, type TBlockReply } from './replies/block-replies.ts';
export { TEMPORARY_REPLIES } from './replies/temporary-replies.ts';
export { formatReply, isClosingReply } from './replies/format-reply.ts';

export {
  isTemporaryFailure,
  isViolationFound,
  type TCheckResult,
  type TTemporaryFailure,
  type TTemporaryReason,
  type TViolationFound,
} from './results/check-result.ts';
export { PolicyError, POLICY_ERROR_CODES, type TPolicyErrorCode } from './results/policy-error.ts';
export type { TPolicyLogger } from './results/policy-logger.ts';

export {
  afterStore,
  DEFAULT_KEY_PREFIX,
  type TCounterStore,
  type TMaybePromise,
} from './store/counter-store.ts';
export {
  createMemoryCounterStore,
  type TMemoryCounterStore,
  type TMemoryCounterStoreOptions,
} from './store/create-memory-counter-store.ts';
export {
  createRedisCounterStore,
  type TRedisCounterStore,
  type TRedisCounterStoreOptions,
} from './store/create-redis-counter-store.ts';

export type { TPolicyDeps } from './checks/policy-deps.ts';
export { COUNTER_KEYS } from './checks/client-keys.ts';
export { checkMethod } from './checks/check-method.ts';
export { checkClientMessageRate, RATE_WINDOW_MS } from './checks/check-client-message-rate.ts';
export { checkSenderMessageRate } from './checks/check-sender-message-rate.ts';
export {
  acquireConnectionSlot,
  DEFAULT_SLOT_TTL_MS,
  type TConnectionSlot,
  type TConnectionSlotOutcome,
} from './checks/acquire-connection-slot.ts';
export { checkGreylist } from './checks/check-greylist.ts';
export { findGreylistExemption, type TGreylistInput } from './checks/find-greylist-exemption.ts';
export { recordUnknownRecipient } from './checks/record-unknown-recipient.ts';
export { isHarvestBlocked } from './checks/is-harvest-blocked.ts';
export { isRecipientUnknown } from './checks/is-recipient-unknown.ts';
export { checkMessageSize } from './checks/check-message-size.ts';
export { createSizeMeter, type TSizeMeter } from './checks/create-size-meter.ts';
export { checkRecipientCount } from './checks/check-recipient-count.ts';
export { checkRecipientDomain } from './checks/check-recipient-domain.ts';
export { checkDisallowedSender } from './checks/check-disallowed-sender.ts';
export { checkSenderDomain } from './checks/check-sender-domain.ts';
export {
  createProfileResolver,
  evaluateSpf,
  type TEvaluateSpfOptions,
  type TSpfInput,
  type TSpfOutcome,
} from './checks/evaluate-spf.ts';

export { toClientNetwork } from './net/ip-network.ts';
export { domainOf } from './mail/address.ts';
