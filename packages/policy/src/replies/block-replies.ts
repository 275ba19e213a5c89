// The reply a client gets when a profile blocks a violation. Transient conditions the client
// can wait out (greylisting, rate limits, DNS trouble) are 4xx so a real MTA retries and no
// mail is lost; policy refusals are 5xx. The worker appends "(Support ID: XXXXX-XXXXX)".
//
// References: RFC 5321 (SMTP): 3.1 greeting, 3.8 closing (421), 4.2.2 codes by function,
// 4.2.4 code 502, 4.3.2 which codes each command may return (500, 501 and 421 from any),
// 4.5.3.1.9 replies for exceeded limits, 4.5.3.1.10 too many recipients (452).
// RFC 3463 (enhanced codes): 3.2 X.1.x addressing, 3.4 X.3.x mail system, 3.5 X.4.x network
// and routing, 3.6 X.5.x protocol, 3.7 X.6.x media, 3.8 X.7.x security or policy.
// RFC 7372 3.2: X.7.23 and X.7.24 for SPF. RFC 7208 8: which reply each SPF result gets.
// RFC 1870 6: 552 for an oversized message.
import type { TViolation } from '@portcullis/contracts';

export interface TBlockReply {
  code: number;
  /** RFC 3463 enhanced status code; the worker leaves it out before EHLO (RFC 2034 3). */
  enhanced: string;
  text: string;
}

export const BLOCK_REPLIES: Record<TViolation, TBlockReply> = {
  // RFC 5321 4.3.2: 501 may answer any command; RFC 3463 3.6 X.5.2 "syntax error".
  rfc_syntax: { code: 501, enhanced: '5.5.2', text: 'Syntax error in command or arguments' },
  // RFC 5321 4.2.2 503 "bad sequence of commands"; RFC 3463 3.6 X.5.1 "invalid command".
  rfc_sequence: { code: 503, enhanced: '5.5.1', text: 'Bad sequence of commands' },
  // RFC 5321 4.5.3.1.9: "500 Line too long" for the limits of 4.5.3.1.4 (512 octets a
  // command) and 4.5.3.1.6 (1000 a text line); 4.3.2 lets any command return 500.
  // RFC 3463 3.6 X.5.2.
  rfc_line_length: { code: 500, enhanced: '5.5.2', text: 'Line too long' },
  // RFC 5321 2.3.8: only CRLF ends a line, so a bare CR or LF is a syntax error (500, any
  // command, 4.3.2); refusing it keeps a message from being smuggled past end-of-data.
  rfc_bare_line_ending: { code: 500, enhanced: '5.5.2', text: 'Bare CR or LF is not allowed' },
  // RFC 5321 3.1: the client must wait for the greeting; 554 may stand in for the 220.
  // RFC 3463 3.6 X.5.1.
  rfc_early_talker: { code: 554, enhanced: '5.5.1', text: 'Talking before the greeting' },
  // RFC 2920 3.1: without PIPELINING the client waits for each reply, and even with it
  // for the end of a group (the 354 to DATA, say); RFC 5321 4.2.2 503.
  rfc_unauthorized_pipelining: {
    code: 503,
    enhanced: '5.5.1',
    text: 'Sent before the reply it must wait for',
  },
  // RFC 5321 4.2.2 and 4.3.2: 500 "command unrecognized"; RFC 3463 3.6 X.5.1.
  rfc_unknown_command: { code: 500, enhanced: '5.5.1', text: 'Command unrecognized' },
  // RFC 6152 3: 8-bit data needs BODY=8BITMIME; 550 may answer MAIL, RCPT and the end of
  // data (RFC 5321 4.3.2); RFC 3463 3.7 X.6.0 "other media error".
  rfc_undeclared_8bit: {
    code: 550,
    enhanced: '5.6.0',
    text: '8-bit data was not declared with BODY=8BITMIME',
  },
  // RFC 5321 4.2.4: 502 for a command recognised but not carried out here; RFC 3463 3.6
  // X.5.1. (7.3 suggests 252 for a VRFY disabled for security; a profile that blocks VRFY
  // refuses it outright instead, and 502 reads the same for any argument, leaking nothing.)
  disallowed_method: { code: 502, enhanced: '5.5.1', text: 'Command not allowed here' },
  // RFC 5321 3.8: 421 closes the connection, which slows a flooding client more than a
  // refused transaction would; RFC 3463 3.8 X.7.0.
  rate_limit_client: {
    code: 421,
    enhanced: '4.7.0',
    text: 'Too many messages from your address, try again later',
  },
  // RFC 5321 4.2.2 451: only this transaction fails, other senders on the connection may go
  // on; RFC 3463 3.8 X.7.0.
  rate_limit_sender: {
    code: 451,
    enhanced: '4.7.0',
    text: 'Too many messages from this sender, try again later',
  },
  // RFC 5321 3.1: 421 in place of the greeting; RFC 3463 3.8 X.7.0.
  rate_limit_concurrency: {
    code: 421,
    enhanced: '4.7.0',
    text: 'Too many connections from your address, try again later',
  },
  // RFC 6647: greylisting answers with a temporary failure so a real MTA retries; RFC 5321
  // 4.2.2 451; RFC 3463 3.8 X.7.1 "delivery not authorized" (for now).
  greylisted: { code: 451, enhanced: '4.7.1', text: 'Greylisted, please try again later' },
  // RFC 7208 8.4: fail is 550; RFC 7372 3.2 X.7.23 "SPF validation failed".
  spf_fail: { code: 550, enhanced: '5.7.23', text: 'SPF check failed' },
  // RFC 7208 8.5 advises against refusing on softfail alone; a profile that blocks it anyway
  // chose policy, so it is refused like fail (RFC 7372 3.2 X.7.23).
  spf_softfail: { code: 550, enhanced: '5.7.23', text: 'SPF check failed (softfail)' },
  // RFC 7208 8.6: temperror SHOULD get 451; RFC 7372 3.2 X.7.24 "SPF validation error".
  spf_temperror: {
    code: 451,
    enhanced: '4.7.24',
    text: 'SPF check could not complete, try again later',
  },
  // RFC 7208 8.7: permerror is 550; RFC 7372 3.2 X.7.24.
  spf_permerror: { code: 550, enhanced: '5.7.24', text: 'SPF record of the sender is invalid' },
  // RFC 5321 3.8: 421 and close. A temporary answer keeps a wrongly blocked MTA's mail in
  // its queue until blockSeconds pass, and tells a harvester nothing about any mailbox.
  // RFC 3463 3.8 X.7.0.
  directory_harvest: {
    code: 421,
    enhanced: '4.7.0',
    text: 'Too many unknown recipients from your address, try again later',
  },
  // RFC 5321 4.5.3.1.9 "552 Too much mail data" and RFC 1870 6: over the fixed maximum
  // size, answered once the data is drained; RFC 3463 3.4 X.3.4.
  message_too_large: {
    code: 552,
    enhanced: '5.3.4',
    text: 'Message exceeds the fixed maximum message size',
  },
  // RFC 5321 4.5.3.1.10: too many recipients is 452 (not 552); the client sends the rest in
  // another transaction. RFC 3463 3.6 X.5.3.
  too_many_recipients: { code: 452, enhanced: '4.5.3', text: 'Too many recipients' },
  // RFC 5321 4.2.2 550 "mailbox unavailable ... policy"; RFC 3463 3.8 X.7.1.
  disallowed_sender: { code: 550, enhanced: '5.7.1', text: 'Sender not allowed' },
  // RFC 5321 4.2.2 550; RFC 3463 3.2 X.1.8 "bad sender's system address". A DNS timeout is
  // not this violation: it gets TEMPORARY_REPLIES.dns_unavailable.
  sender_domain_unresolvable: {
    code: 550,
    enhanced: '5.1.8',
    text: 'Sender domain has no MX or address record',
  },
  // RFC 5321 3.6.2 and 7.1: no relaying for strangers; 4.2.2 550; RFC 3463 3.8 X.7.1.
  relay_denied: { code: 550, enhanced: '5.7.1', text: 'Relay access denied' },
  // RFC 5321 4.2.5 and 4.3.2: 554 "transaction failed" after the data; RFC 3463 3.8 X.7.0.
  virus_detected: { code: 554, enhanced: '5.7.0', text: 'Message refused: a virus was found' },
  // A profile that blocks unscanned mail even with Guarantee Enforcement off: the scanner's
  // trouble is ours, so RFC 5321 4.2.2 451 and the client retries; RFC 3463 3.4 X.3.0.
  antivirus_unavailable: {
    code: 451,
    enhanced: '4.3.0',
    text: 'Message could not be scanned for viruses, try again later',
  },
};
