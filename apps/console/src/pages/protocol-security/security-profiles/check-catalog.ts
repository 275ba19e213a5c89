import {
  VIOLATION_NAMES,
  VIOLATIONS,
  type TSecurityProfileSettings,
  type TViolation,
} from '@portcullis/contracts';

export type TCheck = (typeof VIOLATIONS)[TViolation]['check'];

export type TSettingsCheck = keyof TSecurityProfileSettings;

export type TCheckEntry = {
  check: TCheck;
  title: string;
  // The settings group of the profile; anti-virus has none (its server is an option).
  settings: TSettingsCheck | null;
  violations: TViolation[];
};

// The order and names of the appliance's Defense Configuration.
const TITLES: Record<TCheck, string> = {
  compliance: 'Protocol Compliance',
  methods: 'Disallowed Methods',
  rateLimits: 'Rate Limits',
  greylisting: 'Greylisting',
  spf: 'SPF',
  harvest: 'Directory Harvest',
  validation: 'Mail Validation',
  antivirus: 'Anti-Virus',
};

// The appliance calls the anti-virus row Virus Detection.
const ROW_LABELS: Partial<Record<TViolation, string>> = { virus_detected: 'Virus Detection' };

export function violationLabel(violation: TViolation): string {
  return ROW_LABELS[violation] ?? VIOLATIONS[violation].label;
}

export const CHECKS: TCheckEntry[] = (Object.keys(TITLES) as TCheck[]).map((check) => ({
  check,
  title: TITLES[check],
  settings: check === 'antivirus' ? null : check,
  violations: VIOLATION_NAMES.filter((name) => VIOLATIONS[name].check === check),
}));

/** The anchor of a check's settings section, linked from its Defense Configuration rows. */
export function checkSectionId(check: TCheck): string {
  return `check-${check}`;
}
