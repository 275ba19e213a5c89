// RFC 5424 messages: `<PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID SD [MSG]`, built so that
// a strict receiver parses every one of them, whatever the client put into HELO or MAIL FROM.

export interface TSdElement {
  // SD-ID: a private one is `name@<enterprise number>` (RFC 5424 7.2.2).
  id: string;
  params: ReadonlyArray<readonly [name: string, value: string]>;
}

export interface TSyslogMessage {
  facility: number;
  severity: number;
  // RFC 3339 as RFC 5424 6.2.3 narrows it; null or anything else is sent as NILVALUE.
  timestamp: string | null;
  hostname: string | null;
  appName: string | null;
  procId: string | null;
  msgId: string | null;
  structuredData: TSdElement[];
  msg: string | null;
}

export const NILVALUE = '-';
export const SEVERITY = { warning: 4, notice: 5 } as const;
export const FACILITY = { local0: 16 } as const;

// RFC 5424 6: HOSTNAME 255, APP-NAME 48, PROCID 128, MSGID 32 PRINTUSASCII; SD-NAME 32.
const MAX_HOSTNAME = 255;
const MAX_APP_NAME = 48;
const MAX_PROCID = 128;
const MAX_MSGID = 32;
const MAX_SD_NAME = 32;
// Our own bound, so the structured data of one violation always fits a 2048-octet datagram.
export const MAX_PARAM_VALUE_BYTES = 512;

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
// SD-NAME: PRINTUSASCII except '=', SP, ']' and '"' (RFC 5424 6.3.2, 6.3.3).
const SD_NAME = /^[\x21-\x7e]+$/;
const SD_NAME_EXCLUDED = /[= \]"]/;
const PRINTUSASCII_MISSING = /[^\x21-\x7e]/g;
const CONTROL = /[\x00-\x1f\x7f]/g;
const ASCII_ONLY = /^[\x00-\x7f]*$/;
// FULL-DATE "T" FULL-TIME with at most six fraction digits and an offset (RFC 5424 6.2.3).
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;

/** Whether a name may stand as an SD-NAME (an SD-ID's parts, a PARAM-NAME). */
export function isSdName(name: string): boolean {
  return name.length <= MAX_SD_NAME && SD_NAME.test(name) && !SD_NAME_EXCLUDED.test(name);
}

/**
 * The whole message as sent, at most `maxBytes` long: only MSG is cut to fit (at a character
 * boundary); the header and the structured data always go whole, even past the bound.
 */
export function formatSyslogMessage(message: TSyslogMessage, maxBytes: number): Buffer {
  const structuredData = formatStructuredData(message.structuredData);
  const head = Buffer.from(`${formatHeader(message)} ${structuredData}`);
  const msg = encodeMsg(message.msg);
  const room = maxBytes - head.length - 1;
  if (msg.length === 0 || room <= BOM.length) return head;

  const fitted = msg.length <= room ? msg : msg.subarray(0, charBoundary(msg, room));

  return Buffer.concat([head, Buffer.from(' '), fitted]);
}

export function formatHeader(message: TSyslogMessage): string {
  const pri = message.facility * 8 + message.severity;
  const timestamp = message.timestamp && TIMESTAMP.test(message.timestamp)
    ? message.timestamp
    : NILVALUE;

  return [
    `<${pri}>1`,
    timestamp,
    headerField(message.hostname, MAX_HOSTNAME),
    headerField(message.appName, MAX_APP_NAME),
    headerField(message.procId, MAX_PROCID),
    headerField(message.msgId, MAX_MSGID),
  ].join(' ');
}

export function formatStructuredData(elements: TSdElement[]): string {
  if (elements.length === 0) return NILVALUE;

  return elements.map(formatElement).join('');
}

/** PARAM-VALUE: '"', '\' and ']' escaped with '\' (RFC 5424 6.3.3), control characters as '?'. */
export function escapeParamValue(value: string): string {
  const escaped = value.replace(CONTROL, '?').replace(/["\\\]]/g, (char) => `\\${char}`);

  return clipEscaped(escaped, MAX_PARAM_VALUE_BYTES);
}

function formatElement(element: TSdElement): string {
  const [name, enterprise] = element.id.split('@');
  const isPrivate = enterprise === undefined || /^\d+(\.\d+)*$/.test(enterprise);
  const isValidId = isSdName(name ?? '') && isPrivate;
  if (!isValidId) throw new Error(`invalid SD-ID "${element.id}"`);

  const params = element.params.map(([param, value]) => {
    if (!isSdName(param)) throw new Error(`invalid PARAM-NAME "${param}"`);

    return ` ${param}="${escapeParamValue(value)}"`;
  });

  return `[${element.id}${params.join('')}]`;
}

// Header fields are PRINTUSASCII: anything else becomes '_', nothing at all is NILVALUE.
function headerField(value: string | null, maxLength: number): string {
  const printable = (value ?? '').replace(PRINTUSASCII_MISSING, '_').slice(0, maxLength);

  return printable === '' ? NILVALUE : printable;
}

// MSG-ANY when it is ASCII; otherwise MSG-UTF8, which starts with the BOM (RFC 5424 6.4).
function encodeMsg(msg: string | null): Buffer {
  if (!msg) return Buffer.alloc(0);

  const text = msg.replace(CONTROL, ' ');
  if (ASCII_ONLY.test(text)) return Buffer.from(text, 'ascii');

  return Buffer.concat([BOM, Buffer.from(text, 'utf8')]);
}

// The longest prefix of at most `limit` bytes that ends between two UTF-8 characters.
function charBoundary(bytes: Buffer, limit: number): number {
  let end = limit;
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end -= 1;

  return end;
}

// Cut at a character boundary, never between a '\' and the character it escapes.
function clipEscaped(escaped: string, maxBytes: number): string {
  if (Buffer.byteLength(escaped, 'utf8') <= maxBytes) return escaped;

  const bytes = Buffer.from(escaped, 'utf8');
  let clipped = bytes.subarray(0, charBoundary(bytes, maxBytes)).toString('utf8');
  const trailing = /\\+$/.exec(clipped)?.[0].length ?? 0;
  if (trailing % 2 === 1) clipped = clipped.slice(0, -1);

  return clipped;
}
