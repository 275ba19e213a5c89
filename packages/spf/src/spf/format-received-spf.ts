// Builds the Received-SPF header field of RFC 7208 section 9.1 that the worker prepends to a
// message it forwards. Every value that came from the client is quoted or stripped, so a
// hostile HELO or MAIL FROM cannot break out of the field.
import type { SpfResultCode } from './spf-result.ts';

export interface ReceivedSpfFields {
  result: SpfResultCode;
  receiver: string;
  ip: string;
  helo: string;
  identity: 'mailfrom' | 'helo';
  /** The MAIL FROM mailbox, empty for the null sender. */
  envelopeFrom: string;
  /** The <sender> SPF checked: the mailbox, or postmaster@<HELO>. */
  sender: string;
  mechanism?: string;
  problem?: string;
}

const FOLD_AT_COLUMNS = 78;
/** atext of RFC 5322 section 3.2.3, joined by single dots. */
const DOT_ATOM = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+(?:\.[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+)*$/;

/** One header field, folded with CRLF + space; the caller adds the final CRLF. */
export function formatReceivedSpf(fields: ReceivedSpfFields): string {
  const pairs: Array<[string, string | undefined]> = [
    ['client-ip', fields.ip],
    ['envelope-from', fields.envelopeFrom || undefined],
    ['helo', fields.helo || undefined],
    ['receiver', fields.receiver],
    ['identity', fields.identity],
    ['mechanism', fields.mechanism],
    ['problem', fields.problem],
  ];

  const words = [
    'Received-SPF:',
    fields.result,
    ...`(${escapeComment(describeResult(fields))})`.split(' '),
    ...pairs.flatMap(([key, value]) => (value === undefined ? [] : [`${key}=${quote(value)};`])),
  ];

  return fold(words);
}

function describeResult(fields: ReceivedSpfFields): string {
  const { receiver, ip, sender } = fields;
  const domain = sender.slice(sender.lastIndexOf('@') + 1);

  switch (fields.result) {
    case 'pass':
      return `${receiver}: ${domain} permits ${ip} to send as ${sender}`;
    case 'fail':
      return `${receiver}: ${domain} does not permit ${ip} to send as ${sender}`;
    case 'softfail':
      return `${receiver}: ${domain} discourages, without forbidding, ${ip} sending as ${sender}`;
    case 'neutral':
      return `${receiver}: ${domain} makes no assertion about ${ip}`;
    case 'none':
      return `${receiver}: no SPF policy found for ${domain}`;
    case 'temperror':
      return `${receiver}: temporary error while checking ${domain}`;
    case 'permerror':
      return `${receiver}: the SPF policy of ${domain} cannot be evaluated`;
  }
}

/** A comment holds ctext or quoted-pairs (RFC 5322 section 3.2.2); controls are dropped. */
function escapeComment(text: string): string {
  return printable(text).replace(/[()\\]/g, '\\$&');
}

function quote(value: string): string {
  const clean = printable(value);
  if (DOT_ATOM.test(clean)) return clean;

  return `"${clean.replace(/["\\]/g, '\\$&')}"`;
}

function printable(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?');
}

function fold(words: string[]): string {
  const lines: string[] = [];
  let line = '';

  for (const word of words) {
    if (line !== '' && line.length + 1 + word.length > FOLD_AT_COLUMNS) {
      lines.push(line);
      line = ` ${word}`;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  lines.push(line);

  return lines.join('\r\n');
}
