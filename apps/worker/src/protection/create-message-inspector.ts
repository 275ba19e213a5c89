// The data-phase checks of a protected virtual server, on the message as smtp-server hands
// it over (end of data found, the client's dot-stuffing removed): size on the bytes that
// actually arrive, text lines over the limit, bare CR or LF, 8-bit data not declared.
// Each violation is judged once per message. A block stops the relay at once: the member
// never sees the end of the message, the client gets the reply after its data is drained.
import { isAscii } from 'node:buffer';
import type { TViolation } from '@portcullis/contracts';
import type { TDataPlan } from '../policy/plan-checks.ts';
import type { TPolicyReply } from '../policy/verdicts.ts';
import type { TMessageFilter } from '../relay/message-filter.ts';
import { readableLine } from '../smtp/inspection/readable-line.ts';
import { enforceFinding } from './enforce-finding.ts';
import {
  createLineScanState,
  normalizeLineEndings,
  scanTextLines,
  type TLineScanState,
} from './scan-text-lines.ts';
import type { TSessionPolicy } from './session-policy.ts';

const EXCERPT_OCTETS = 60;

/** Null when the profile has nothing to check in the data. */
export function createMessageInspector(policy: TSessionPolicy): TMessageFilter | null {
  const plan = policy.plan.data;

  return plan ? new MessageInspector(policy, plan) : null;
}

class MessageInspector implements TMessageFilter {
  refusal: TPolicyReply | null = null;
  private readonly policy: TSessionPolicy;
  private readonly plan: TDataPlan;
  private readonly isScanned: boolean;
  private readonly is8BitChecked: boolean;
  private readonly lines: TLineScanState = createLineScanState();
  private readonly judged: TViolation[] = [];
  private bytes = 0;

  constructor(policy: TSessionPolicy, plan: TDataPlan) {
    this.policy = policy;
    this.plan = plan;
    this.isScanned = plan.isBareLineEndingChecked || plan.isLineLengthChecked;
    this.is8BitChecked = plan.is8BitChecked && policy.session.envelope.bodyType !== '8bitmime';
  }

  push(chunk: Buffer): Buffer | null {
    // Content that came before the 354 may have been refused already (pipelining).
    this.refusal ??= this.policy.transaction.dataRefusal;
    if (this.refusal) return null;

    const { plan } = this;
    const { maxMessageBytes } = this.policy.profile.settings.validation;
    const start = this.bytes;
    this.bytes += chunk.length;
    if (plan.isSizeChecked && this.bytes > maxMessageBytes) {
      const detail = `${this.bytes} bytes and more, limit ${maxMessageBytes}`;
      if (this.judge('message_too_large', detail, maxMessageBytes, '')) return null;
    }
    if (this.is8BitChecked && !isAscii(chunk)) {
      const at = chunk.findIndex((octet) => octet > 0x7f);
      const detail = 'a byte over 127 in a message without BODY=8BITMIME';
      if (this.judge('rfc_undeclared_8bit', detail, start + at, excerpt(chunk, at))) return null;
    }
    if (!this.isScanned) return chunk;

    return this.scan(chunk, start);
  }

  private scan(chunk: Buffer, start: number): Buffer | null {
    const { plan } = this;
    const { maxTextLineOctets } = this.policy.profile.settings.compliance;
    const wasCrPending = this.lines.isCrPending;
    const scan = scanTextLines(chunk, this.lines, maxTextLineOctets);
    if (plan.isLineLengthChecked && scan.longAt !== -1) {
      const near = start + scan.longAt;
      const detail = `a text line over ${maxTextLineOctets} octets near byte ${near}`;
      if (this.judge('rfc_line_length', detail, near, excerpt(chunk, scan.longAt))) return null;
    }
    if (plan.isBareLineEndingChecked && scan.bareAt !== -1) {
      const at = start + scan.bareAt;
      const detail = `bare CR or LF at byte ${at}`;
      if (this.judge('rfc_bare_line_ending', detail, at, excerpt(chunk, scan.bareAt))) return null;
    }
    if (!plan.isNormalizing || scan.bareAt === -1) return chunk;

    return normalizeLineEndings(chunk, wasCrPending);
  }

  // True when the profile blocks it: the message is refused. `at`: the offending byte's
  // offset in the message, for the record.
  private judge(violation: TViolation, detail: string, at: number, excerpt: string): boolean {
    if (this.judged.includes(violation)) return false;

    this.judged.push(violation);
    const command = `(message data, byte ${at}) ${excerpt}`;
    this.refusal = enforceFinding(this.policy, { violation, detail }, { command });

    return this.refusal !== null;
  }
}

function excerpt(chunk: Buffer, at: number): string {
  const from = Math.max(0, at - EXCERPT_OCTETS);

  return readableLine(chunk.subarray(from, at + 2));
}
