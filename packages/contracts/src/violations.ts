import { z } from 'zod';

/** Every violation a security profile can alarm on or block, grouped by check. */
export const VIOLATIONS = {
  rfc_syntax: { check: 'compliance', label: 'Bad command syntax' },
  rfc_sequence: { check: 'compliance', label: 'Command out of sequence' },
  rfc_line_length: { check: 'compliance', label: 'Command or text line too long' },
  rfc_bare_line_ending: { check: 'compliance', label: 'Bare CR or LF' },
  rfc_early_talker: { check: 'compliance', label: 'Client talked before the greeting' },
  rfc_unauthorized_pipelining: { check: 'compliance', label: 'Pipelining not offered' },
  rfc_unknown_command: { check: 'compliance', label: 'Unknown command' },
  rfc_undeclared_8bit: { check: 'compliance', label: '8-bit data not declared' },
  disallowed_method: { check: 'methods', label: 'Disallowed SMTP method' },
  rate_limit_client: { check: 'rateLimits', label: 'Too many messages from one client' },
  rate_limit_sender: { check: 'rateLimits', label: 'Too many messages from one sender' },
  rate_limit_concurrency: { check: 'rateLimits', label: 'Too many connections from one client' },
  greylisted: { check: 'greylisting', label: 'Greylisted delivery attempt' },
  spf_fail: { check: 'spf', label: 'SPF fail' },
  spf_softfail: { check: 'spf', label: 'SPF softfail' },
  spf_temperror: { check: 'spf', label: 'SPF temporary error' },
  spf_permerror: { check: 'spf', label: 'SPF permanent error' },
  directory_harvest: { check: 'harvest', label: 'Directory harvest attempt' },
  message_too_large: { check: 'validation', label: 'Message over the size limit' },
  too_many_recipients: { check: 'validation', label: 'Too many recipients' },
  disallowed_sender: { check: 'validation', label: 'Disallowed sender' },
  sender_domain_unresolvable: { check: 'validation', label: 'Sender domain has no MX or A record' },
  relay_denied: { check: 'validation', label: 'Recipient domain not protected here' },
  virus_detected: { check: 'antivirus', label: 'Virus detected' },
  // Guarantee Enforcement off and the ICAP server down, slow or failing: relayed unscanned.
  antivirus_unavailable: { check: 'antivirus', label: 'Not scanned, anti-virus unavailable' },
} as const;

export type TViolation = keyof typeof VIOLATIONS;
export const VIOLATION_NAMES = Object.keys(VIOLATIONS) as [TViolation, ...TViolation[]];
export const ZViolationName = z.enum(VIOLATION_NAMES);

export const ZViolationAction = z.object({ alarm: z.boolean(), block: z.boolean() });
export type TViolationAction = z.infer<typeof ZViolationAction>;

const ALARM_AND_BLOCK: TViolationAction = { alarm: true, block: true };
const ALARM_ONLY: TViolationAction = { alarm: true, block: false };

// Defaults a cautious site starts from: refuse what is unambiguous abuse, only
// alarm on what commonly trips legitimate but sloppy senders.
export const DEFAULT_VIOLATION_ACTIONS: Record<TViolation, TViolationAction> = {
  rfc_syntax: ALARM_AND_BLOCK,
  rfc_sequence: ALARM_AND_BLOCK,
  rfc_line_length: ALARM_AND_BLOCK,
  rfc_bare_line_ending: ALARM_AND_BLOCK,
  rfc_early_talker: ALARM_AND_BLOCK,
  rfc_unauthorized_pipelining: ALARM_ONLY,
  rfc_unknown_command: ALARM_AND_BLOCK,
  rfc_undeclared_8bit: ALARM_ONLY,
  disallowed_method: ALARM_AND_BLOCK,
  rate_limit_client: ALARM_AND_BLOCK,
  rate_limit_sender: ALARM_AND_BLOCK,
  rate_limit_concurrency: ALARM_AND_BLOCK,
  greylisted: ALARM_AND_BLOCK,
  spf_fail: ALARM_AND_BLOCK,
  spf_softfail: ALARM_ONLY,
  spf_temperror: ALARM_ONLY,
  spf_permerror: ALARM_ONLY,
  directory_harvest: ALARM_AND_BLOCK,
  message_too_large: ALARM_AND_BLOCK,
  too_many_recipients: ALARM_AND_BLOCK,
  disallowed_sender: ALARM_AND_BLOCK,
  sender_domain_unresolvable: ALARM_AND_BLOCK,
  relay_denied: ALARM_AND_BLOCK,
  virus_detected: ALARM_AND_BLOCK,
  antivirus_unavailable: ALARM_ONLY,
};

export const ZViolationActions = z
  .object(
    Object.fromEntries(
      VIOLATION_NAMES.map((name) => [name, ZViolationAction.default(DEFAULT_VIOLATION_ACTIONS[name])]),
    ) as Record<TViolation, z.ZodDefault<typeof ZViolationAction>>,
  )
  .describe('for each violation: alarm records it, block refuses it; neither skips the check');
export type TViolationActions = z.infer<typeof ZViolationActions>;
