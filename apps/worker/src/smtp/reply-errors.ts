import type { TSmtpReply } from '../relay/backend/parse-replies.ts';

/**
 * A member's reply as the error smtp-server sends on: same code, same text with
 * the member's enhanced status code, one line per line (see patch-smtp-server.ts).
 */
export function mirroredError(reply: TSmtpReply): Error & { responseCode: number } {
  return Object.assign(new Error(mirroredText(reply)), { responseCode: reply.code });
}

export function mirroredText(reply: TSmtpReply): string {
  return reply.lines.join('\n');
}

export function isPositive(reply: TSmtpReply): boolean {
  return reply.code >= 200 && reply.code < 300;
}
