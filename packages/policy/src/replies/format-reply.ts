// The text of a refusal as the worker sends it.
import type { TBlockReply } from './block-replies.ts';

/**
 * "550 5.7.1 Relay access denied (Support ID: K7Q2M-9XD4F)". Without an enhanced code when
 * the client greeted with HELO (RFC 2034 3: only after EHLO offered ENHANCEDSTATUSCODES).
 */
export function formatReply(reply: TBlockReply, supportId: string, withEnhanced = true): string {
  const enhanced = withEnhanced ? `${reply.enhanced} ` : '';

  return `${reply.code} ${enhanced}${reply.text} (Support ID: ${supportId})`;
}

/** RFC 5321 3.8: after a 421 the server closes the connection. */
export function isClosingReply(reply: TBlockReply): boolean {
  return reply.code === 421;
}
