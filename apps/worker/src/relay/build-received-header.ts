import net from 'node:net';

export interface TReceivedInfo {
  helo: string;
  clientAddress: string;
  gatewayName: string;
  // ESMTP, ESMTPS, SMTP (RFC 3848).
  protocol: string;
  id: string;
  // Named only when the message has exactly one recipient (RFC 5321 4.4 privacy note).
  recipient: string | null;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// What a HELO name or address literal is made of. Anything else the client wrote (a
// parenthesis opening a fake comment, 8-bit text in a header relayed without SMTPUTF8)
// is shown as "?": the name is the client's claim, the literal beside it is the truth.
const NOT_IN_HELO = /[^A-Za-z0-9.:_\-[\]]/g;
const MAX_HELO_CHARS = 255;

let cachedSecond = -1;
let cachedDate = '';

/**
 * The trace header the gateway adds in front of every relayed message (RFC 5321
 * 4.4): who the client said it was, where it really connected from, and us.
 */
export function buildReceivedHeader(info: TReceivedInfo): Buffer {
  const address = info.clientAddress;
  const literal = net.isIPv6(address) ? `[IPv6:${address}]` : `[${address}]`;
  const helo = info.helo ? info.helo.slice(0, MAX_HELO_CHARS).replace(NOT_IN_HELO, '?') : literal;
  const recipient = info.recipient ? `\r\n\tfor <${info.recipient}>` : '';
  const header =
    `Received: from ${helo} (${literal})\r\n` +
    `\tby ${info.gatewayName} (Portcullis) with ${info.protocol} id ${info.id}` +
    `${recipient};\r\n\t${formatDate(Date.now())}\r\n`;

  return Buffer.from(header, 'utf8');
}

// RFC 5322 3.3 date-time in UTC, computed once per second.
function formatDate(now: number): string {
  const second = Math.floor(now / 1000);
  if (second === cachedSecond) return cachedDate;

  const d = new Date(second * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  cachedSecond = second;
  cachedDate = `${day} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${time} +0000`;

  return cachedDate;
}
