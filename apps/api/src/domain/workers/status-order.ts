import type { TMemberStatus } from '@portcullis/contracts';

export type TListenerStatus = 'listening' | 'disabled' | 'error' | 'unknown';

// When workers (or a pool's members) disagree, the first of these wins: up if any
// says up (mail can flow), then the states that need an administrator's eye.
export const MEMBER_STATUS_ORDER: TMemberStatus[] = [
  'up',
  'down',
  'unchecked',
  'disabled',
  'unknown',
];
export const LISTENER_STATUS_ORDER: TListenerStatus[] = [
  'listening',
  'error',
  'disabled',
  'unknown',
];

export function isPreferred<T>(order: T[], current: T | undefined, candidate: T): boolean {
  return current === undefined || order.indexOf(candidate) < order.indexOf(current);
}
