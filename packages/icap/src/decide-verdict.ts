import type { TIcapResponse } from './read-response.ts';
import { findThreat } from './find-threat.ts';
import type { TScanVerdict } from './types.ts';

/**
 * Turns the final ICAP response into a verdict. The rules, in order:
 * - 204 (RFC 3507 section 4.6): no modification needed, so clean.
 * - 200 with a configured infection header: infected, named by that header.
 * - 200 whose encapsulated HTTP status is 4xx/5xx: the server replaced the
 *   message with a block page (c-icap's is a 403), which says "infected"
 *   without naming it: infected, threat 'unknown'.
 * - 200 echoing the body unchanged (a server not allowed to answer 204): clean.
 * - 200 with a changed 2xx body but no infection header: clean, flagged
 *   `modified`. The server rewrote content without reporting an infection; the
 *   gateway delivers the original anyway, and reading a rewrite as a virus would
 *   block all mail behind services that add footers. An anti-virus that strips
 *   attachments silently should be given its header name in virus_header_name.
 * - 200 with no encapsulated body to compare: malformed, an error.
 * - 4xx/5xx and any other status: an error. An error is never clean.
 */
export function decideVerdict(
  response: TIcapResponse,
  sentDigest: string,
  virusHeaderNames: readonly string[],
): TScanVerdict {
  if (response.status === 204) return { verdict: 'clean' };

  if (response.status >= 400) {
    return {
      verdict: 'error',
      code: 'icap_server_error',
      reason: `ICAP ${response.status} ${response.reason}`.trim(),
    };
  }

  if (response.status !== 200) {
    const reason = `unexpected ICAP ${response.status}`;

    return { verdict: 'error', code: 'icap_protocol_error', reason };
  }

  const threat = findThreat(response.headers, virusHeaderNames);
  if (threat !== null) return { verdict: 'infected', threat, headers: response.headers };

  if (response.httpStatus !== null && response.httpStatus >= 400) {
    return { verdict: 'infected', threat: 'unknown', headers: response.headers };
  }

  if (response.bodyDigest === null) {
    return { verdict: 'error', code: 'icap_protocol_error', reason: 'ICAP 200 without a body' };
  }

  if (response.bodyDigest === sentDigest) return { verdict: 'clean' };

  return { verdict: 'clean', modified: true };
}
