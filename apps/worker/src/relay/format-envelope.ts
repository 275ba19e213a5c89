import { domainToASCII } from 'node:url';
import type { SMTPServerAddress } from 'smtp-server';
import type { TCapabilities } from './backend/parse-capabilities.ts';

/**
 * Writes an address as a path for the member. smtp-server hands over IDN domains
 * in Unicode; without SMTPUTF8 on both sides the member needs the A-label form.
 */
export function formatPath(address: string): string {
  const at = address.lastIndexOf('@');
  if (at === -1 || isAscii(address)) return `<${address}>`;

  const domain = domainToASCII(address.slice(at + 1)) || address.slice(at + 1);

  return `<${address.slice(0, at + 1)}${domain}>`;
}

/** MAIL FROM with the client's parameters that this member understands. */
export function formatMailCommand(sender: SMTPServerAddress, capabilities: TCapabilities): string {
  const args = (sender.args || {}) as Record<string, string | boolean>;
  let command = `MAIL FROM:${formatPath(sender.address)}`;

  // RFC 1870 6: forward the declared size only to a member that announced SIZE.
  if (capabilities.hasSize && typeof args.SIZE === 'string') command += ` SIZE=${args.SIZE}`;
  // RFC 6152 3: BODY=8BITMIME only to a member that announced 8BITMIME.
  // TODO(m2-compliance): towards a member without 8BITMIME an 8-bit body goes on
  // undeclared; RFC 6152 3 wants it refused or converted to 7 bit. Stopgap: members
  // behind a gateway are ESMTP servers that all take 8BITMIME. Real fix: refuse
  // with 554 5.6.3 when the member lacks it and the client declared 8BITMIME.
  if (capabilities.eightBitMime && typeof args.BODY === 'string') command += ` BODY=${args.BODY}`;

  return command;
}

export function formatRcptCommand(recipient: SMTPServerAddress): string {
  return `RCPT TO:${formatPath(recipient.address)}`;
}

function isAscii(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}
