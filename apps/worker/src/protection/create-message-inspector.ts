// The data-phase checks of a protected virtual server, on the message as smtp-server hands
// it over (end of data found, the client's dot-stuffing removed): size on the bytes that
// actually arrive, text lines over the limit, bare CR or LF, 8-bit data not declared.
// Each violation is judged once per message. A block stops the relay at once: the member
// never sees the end of the message, the client gets the reply after its data is drained.
import { isAscii } from 'node:buffer';
import type { TViolation } from '@portcullis/contracts';
import type { TPolicyReply } from '../policy/verdicts.ts';
import type { TMessageFilter } from '../relay/message-filter.ts';
import { enforceFinding } from './enforce-finding.ts';
import { createLineScanState, normalizeLineEndings, scanTextLines } from './scan-text-lines.ts';
import type { TSessionPolicy } from './session-policy.ts';

const EXCERPT_OCTETS = 60;

/** Null when the profile has nothing to check in the data. */
export function createMessageInspector(policy: TSessionPolicy): TMessageFilter | null {
  const plan = policy.plan.data;
  if (!plan) return null;

  const { maxMessageBytes } = policy.profile.settings.validation;
  const { maxTextLineOctets } = policy.profile.settings.compliance;
  const isScanned = plan.isBareLineEndingChecked || plan.isLineLengthChecked;
  const is8BitChecked = plan.is8BitChecked && policy.session.envelope.bodyType !== '8bitmime';
  const lines = createLineScanState();
  const judged: TViolation[] = [];
  let refusal: TPolicyReply | null = null;
  let bytes = 0;

  // True when the profile blocks it: the message is refused.
  const judge = (violation: TViolation, detail: string, excerpt: string): boolean => {
    if (judged.includes(violation)) return false;

    judged.push(violation);
    const command = `(message data, byte ${bytes}) ${excerpt}`;
    refusal = enforceFinding(policy, { violation, detail }, { command });

    return refusal !== null;
  };

  return {
    push(chunk) {
      // Content that came before the 354 may have been refused already (pipelining).
      refusal ??= policy.transaction.dataRefusal;
      if (refusal) return null;

      const start = bytes;
      bytes += chunk.length;
      if (plan.isSizeChecked && bytes > maxMessageBytes) {
        const detail = `${bytes} bytes and more, limit ${maxMessageBytes}`;
        if (judge('message_too_large', detail, '')) return null;
      }
      if (is8BitChecked && !isAscii(chunk)) {
        const detail = 'a byte over 127 in a message without BODY=8BITMIME';
        if (judge('rfc_undeclared_8bit', detail, '')) return null;
      }
      if (!isScanned) return chunk;

      const wasCrPending = lines.isCrPending;
      const scan = scanTextLines(chunk, lines, maxTextLineOctets);
      if (plan.isLineLengthChecked && scan.longAt !== -1) {
        const detail = `a text line over ${maxTextLineOctets} octets near byte ${start + scan.longAt}`;
        if (judge('rfc_line_length', detail, excerpt(chunk, scan.longAt))) return null;
      }
      if (plan.isBareLineEndingChecked && scan.bareAt !== -1) {
        const detail = `bare CR or LF at byte ${start + scan.bareAt}`;
        if (judge('rfc_bare_line_ending', detail, excerpt(chunk, scan.bareAt))) return null;
      }

      return plan.isNormalizing && scan.bareAt !== -1 ? normalizeLineEndings(chunk, wasCrPending) : chunk;
    },

    get refusal() {
      return refusal;
    },
  };
}

function excerpt(chunk: Buffer, at: number): string {
  const from = Math.max(0, at - EXCERPT_OCTETS);

  return chunk.subarray(from, at + 2).toString('latin1');
}
