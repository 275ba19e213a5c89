/**
 * How long the relay waits on a pool member. RFC 5321 4.5.3.2 gives a client
 * minutes per step; ours are shorter because a client of ours is waiting at the same
 * time, and a member that is that slow is better failed over or retried later.
 */
export const BACKEND_TIMEOUTS_MS = {
  connect: 10_000,
  // 4.5.3.2.1: 5 minutes for the 220 greeting.
  greeting: 30_000,
  // 4.5.3.2.2: 5 minutes for MAIL (and, by extension, EHLO and XCLIENT).
  command: 30_000,
  // 4.5.3.2.3: 5 minutes per RCPT.
  rcpt: 30_000,
  // 4.5.3.2.4: 2 minutes for the 354 after DATA.
  dataStart: 30_000,
  // 4.5.3.2.5: 3 minutes for each block of message data to be taken.
  dataBlock: 60_000,
  // 4.5.3.2.6: 10 minutes for the reply to the final dot; the member may scan the message.
  dataEnd: 120_000,
} as const;
