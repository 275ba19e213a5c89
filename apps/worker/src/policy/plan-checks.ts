// Which checks a security profile runs at each phase, decided once per snapshot: a check
// whose violations the profile neither alarms on nor blocks is never run, not even its
// DNS lookups or counter updates, and a phase with nothing to check costs nothing.
import type { TProfilePolicy } from '../protection/profile-policy.ts';
import { isOn } from '../protection/profile-policy.ts';
import { isAdmissionChecked } from './admit-client.ts';
import {
  buildCommandCheckContext,
  planCommandChecks,
  type TCommandCheck,
  type TCommandCheckContext,
} from './compliance/plan-command-checks.ts';
import { planMailChecks, type TMailCheck } from './decide-mail.ts';
import { planRcptChecks, type TRcptCheck } from './decide-rcpt.ts';

export interface TCheckPlan {
  isAdmissionChecked: boolean;
  mail: TMailCheck[];
  rcpt: TRcptCheck[];
  // A member's 550 5.1.1 counts towards the harvest limit.
  isHarvestCounted: boolean;
  commands: TCommandCheck[];
  commandContext: TCommandCheckContext;
  // What to look at in the message itself; null: nothing (not even content pipelined
  // before the 354, which the message checks refuse).
  data: TDataPlan | null;
  // Virus scanning: held until the ICAP verdict (when an ICAP server is configured).
  isVirusScanned: boolean;
}

export interface TDataPlan {
  isSizeChecked: boolean;
  isBareLineEndingChecked: boolean;
  // Bare line endings only alarmed: the message goes on with them made CRLF.
  isNormalizing: boolean;
  isLineLengthChecked: boolean;
  is8BitChecked: boolean;
}

export function planChecks(profile: TProfilePolicy, isStartTlsOffered: boolean): TCheckPlan {
  return {
    isAdmissionChecked: isAdmissionChecked(profile),
    mail: planMailChecks(profile),
    rcpt: planRcptChecks(profile),
    isHarvestCounted: isOn(profile, 'directory_harvest'),
    commands: planCommandChecks(profile),
    commandContext: buildCommandCheckContext(profile, isStartTlsOffered),
    data: planDataChecks(profile),
    isVirusScanned: isOn(profile, 'virus_detected'),
  };
}

function planDataChecks(profile: TProfilePolicy): TDataPlan | null {
  const plan = {
    isSizeChecked: isOn(profile, 'message_too_large'),
    isBareLineEndingChecked: isOn(profile, 'rfc_bare_line_ending'),
    isNormalizing: profile.decisions.rfc_bare_line_ending === 'ALARM',
    isLineLengthChecked: isOn(profile, 'rfc_line_length'),
    is8BitChecked: isOn(profile, 'rfc_undeclared_8bit'),
  };
  const isAny = Object.values(plan).some(Boolean) || isOn(profile, 'rfc_unauthorized_pipelining');

  return isAny ? plan : null;
}
