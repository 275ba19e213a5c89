import type { TSpfOutcome } from '@portcullis/policy';
import type { SMTPServerSession } from 'smtp-server';
import { buildReceivedHeader } from './build-received-header.ts';

/**
 * The trace fields the gateway puts in front of a message: Received (RFC 5321 4.4) and,
 * when the profile checked SPF and wants it, Received-SPF above it (RFC 7208 9.1: the
 * field goes above the Received field of the receiving host).
 */
export function buildMessageHeader(
  session: SMTPServerSession,
  gatewayName: string,
  spf: TSpfOutcome | null,
): Buffer {
  const recipients = session.envelope.rcptTo;
  const received = buildReceivedHeader({
    helo: session.hostNameAppearsAs,
    clientAddress: session.remoteAddress,
    gatewayName,
    protocol: session.transmissionType,
    id: `${session.id}.${session.transaction}`,
    recipient: recipients.length === 1 ? (recipients[0]?.address ?? null) : null,
  });
  if (!spf?.receivedSpfHeader) return received;

  return Buffer.concat([Buffer.from(`${spf.receivedSpfHeader}\r\n`, 'utf8'), received]);
}
