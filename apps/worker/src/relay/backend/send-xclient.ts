import net from 'node:net';
import type { BackendConnection } from './backend-connection.ts';
import { BACKEND_TIMEOUTS_MS } from './backend-timeouts.ts';
import { encodeXtext } from './encode-xtext.ts';
import { replyText } from './parse-replies.ts';

export interface TClientIdentity {
  address: string;
  helo: string;
}

/**
 * Tells a member that offers XCLIENT (Postfix) who the real client is, for SNAT
 * None. Postfix answers with a new 220 greeting and wants EHLO again. Returns the
 * member's refusal text when it did not take the command; the connection stays
 * usable then and the member simply sees the gateway.
 */
export async function sendXclient(
  connection: BackendConnection,
  client: TClientIdentity,
  heloName: string,
): Promise<string | null> {
  const offered = connection.capabilities.xclient;
  const attributes: string[] = [];
  const address = net.isIPv6(client.address) ? `IPV6:${client.address}` : client.address;

  if (offered.has('ADDR')) attributes.push(`ADDR=${encodeXtext(address)}`);
  if (offered.has('HELO') && client.helo) attributes.push(`HELO=${encodeXtext(client.helo)}`);
  if (offered.has('NAME')) attributes.push('NAME=[UNAVAILABLE]');
  if (attributes.length === 0) return 'no usable XCLIENT attribute';

  const command = `XCLIENT ${attributes.join(' ')}`;
  const reply = await connection.command(command, BACKEND_TIMEOUTS_MS.command);
  if (reply.code !== 220) return `${reply.code} ${replyText(reply)}`;

  await connection.hello(heloName);

  return null;
}
