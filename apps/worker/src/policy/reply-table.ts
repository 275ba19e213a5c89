import type { TPolicyReply, TRefusal } from './verdicts.ts';

/** An Error smtp-server sends as a reply: `responseCode` and the message as text. */
export type TSmtpError = Error & { responseCode: number };

export interface TReply {
  code: number;
  // RFC 3463 enhanced status code; left out of replies sent before EHLO (RFC 2034 3).
  enhanced: string;
  text: string;
}

/**
 * The one place where verdicts become replies. Temporary trouble on our side or
 * the members' is 4xx so the client retries and nothing is lost; policy is 5xx.
 */
export const REPLY_TABLE: Record<TRefusal, TReply> = {
  // RFC 5321 3.1: 421 instead of the greeting; 4.3.5 "system incorrectly configured".
  no_pool: {
    code: 421,
    enhanced: '4.3.5',
    text: 'Service not available, no mail server configured',
  },
  // RFC 5321 4.2.2 451 "local error in processing"; RFC 3463 4.4.1 "no answer from host".
  no_member_available: {
    code: 451,
    enhanced: '4.4.1',
    text: 'No mail server is available, try again later',
  },
  // The member went away between commands: same as above, the transaction is lost.
  backend_lost: {
    code: 451,
    enhanced: '4.4.1',
    text: 'Connection to the mail server was lost, try again later',
  },
  // RFC 3463 4.4.2 "bad connection": the member failed while taking the message,
  // which it did not accept, so the client must send it again.
  backend_lost_in_data: {
    code: 451,
    enhanced: '4.4.2',
    text: 'Connection to the mail server was lost during the message, try again later',
  },
  // RFC 5321 4.5.3.1.10 and RFC 1870 6.1: 552 once the data is drained; RFC 3463 5.3.4.
  message_too_large: {
    code: 552,
    enhanced: '5.3.4',
    text: 'Message exceeds the fixed maximum message size',
  },
  // Guarantee Enforcement on and the ICAP server down, slow or failing: the message is not
  // relayed unscanned. RFC 5321 4.2.2 451 "local error in processing", so the client keeps
  // it and retries; RFC 3463 4.3.0 "other mail system status".
  scan_unavailable: {
    code: 451,
    enhanced: '4.3.0',
    text: 'Message could not be scanned for viruses, try again later',
  },
  // RFC 5321 3.8: 421 when the service is shutting down; RFC 3463 4.3.2.
  worker_stopping: { code: 421, enhanced: '4.3.2', text: 'Service shutting down, try again later' },
  // RFC 5321 3.8: 421 and close for a client that keeps breaking the protocol, so it cannot
  // make the gateway record violations without end; RFC 3463 4.7.0.
  too_many_errors: {
    code: 421,
    enhanced: '4.7.0',
    text: 'Too many errors, closing the connection',
  },
  // A bug in a check: RFC 5321 3.8 421, the client retries later (STYLE: never a crash);
  // RFC 3463 4.3.0 "other mail system status".
  local_fault: { code: 421, enhanced: '4.3.0', text: 'Temporary local problem, try again later' },
};

/** An error smtp-server turns into the reply (it reads responseCode and message). */
export function refusalError(refusal: TRefusal, withEnhanced = true): TSmtpError {
  const reply = REPLY_TABLE[refusal];
  const text = withEnhanced ? `${reply.enhanced} ${reply.text}` : reply.text;

  return Object.assign(new Error(text), { responseCode: reply.code });
}

/** The error smtp-server sends for a security profile's refusal. */
export function policyReplyError(reply: TPolicyReply): TSmtpError {
  return Object.assign(new Error(reply.text), { responseCode: reply.code });
}
