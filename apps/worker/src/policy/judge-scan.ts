// End of data on a virtual server that scans for viruses: what the ICAP verdict means for
// the message. Infected: virus_detected, as the profile says (554 5.7.0 when it blocks,
// relayed and recorded when it only alarms). An error is never clean: with Guarantee
// Enforcement on it defers the message (451, nothing recorded, as for any check that could
// not decide); off, the message goes on unscanned and antivirus_unavailable records why.
import type { TMessagePart, TMessageVerdict } from '@portcullis/icap';
import type { TScanResult } from '../antivirus/antivirus-scanner.ts';
import { enforceFinding } from '../protection/enforce-finding.ts';
import type { TSessionPolicy } from '../protection/session-policy.ts';
import type { TPhaseVerdict } from './verdicts.ts';

export function judgeScan(
  policy: TSessionPolicy,
  result: TScanResult,
  bytes: number,
): TPhaseVerdict {
  const { verdict, settings } = result;
  if (verdict.verdict === 'clean') return 'continue';

  const subject = { command: `(message data, ${bytes} bytes)` };
  const server = `icap://${settings.host}:${settings.port}/${settings.service}`;
  if (verdict.verdict === 'infected') {
    const detail = `${verdict.threat} found ${placeOf(verdict)} by ${server}`;

    return enforceFinding(policy, { violation: 'virus_detected', detail }, subject) ?? 'continue';
  }

  const why = `${verdict.code}: ${verdict.reason} (${placeOf(verdict)}, ${server})`;
  if (settings.isGuaranteed) {
    policy.logger().warn({ reason: verdict.code, detail: why }, 'virus scan failed, deferred');

    return 'scan_unavailable';
  }

  const finding = { violation: 'antivirus_unavailable' as const, detail: `not scanned: ${why}` };

  return enforceFinding(policy, finding, subject) ?? 'continue';
}

function placeOf(verdict: TMessageVerdict): string {
  const part: TMessagePart | undefined = verdict.part;
  if (!part) return 'in the message as a whole';

  const name = part.filename ? ` "${part.filename}"` : '';
  const id = part.partId ? `part ${part.partId}` : 'the text';

  return `in ${id} (${part.contentType}${name})`;
}
