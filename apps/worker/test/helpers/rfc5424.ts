/**
 * A strict RFC 5424 parser for the tests: every rule of the ABNF in section 6 and the SD-ID
 * rules of 7.2.2 are checked on the raw octets, and anything off throws with the reason.
 * Written from the RFC, independent of the formatter it checks.
 */

export interface TParsedSdElement {
  id: string;
  params: Array<[string, string]>;
}

export interface TParsedSyslog {
  pri: number;
  facility: number;
  severity: number;
  version: number;
  timestamp: string | null;
  hostname: string | null;
  appName: string | null;
  procId: string | null;
  msgId: string | null;
  structuredData: TParsedSdElement[];
  msg: string | null;
  hasBom: boolean;
}

// RFC 5424 7: the SD-IDs IANA registered; every other one must be name@<enterprise number>.
const IANA_SD_IDS = new Set(['timeQuality', 'origin', 'meta']);
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(Z|[+-](\d{2}):(\d{2}))$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

export class SyslogParseError extends Error {}

export function parseRfc5424(input: Buffer | string): TParsedSyslog {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const reader = new Reader(bytes);

  reader.expect('<');
  const priText = reader.takeWhile((byte) => byte >= 0x30 && byte <= 0x39);
  if (priText.length < 1 || priText.length > 3) reader.fail('PRIVAL must be 1 to 3 digits');
  if (priText.length > 1 && priText.startsWith('0')) reader.fail('PRIVAL has a leading zero');
  const pri = Number(priText);
  if (pri > 191) reader.fail('PRIVAL above 191');
  reader.expect('>');
  const versionText = reader.takeWhile((byte) => byte >= 0x30 && byte <= 0x39);
  if (!/^[1-9]\d{0,2}$/.test(versionText)) reader.fail('bad VERSION');
  reader.expect(' ');

  const timestamp = nil(reader.takeField('TIMESTAMP', 64));
  if (timestamp !== null) checkTimestamp(timestamp, reader);
  reader.expect(' ');
  const hostname = nil(reader.takeField('HOSTNAME', 255));
  reader.expect(' ');
  const appName = nil(reader.takeField('APP-NAME', 48));
  reader.expect(' ');
  const procId = nil(reader.takeField('PROCID', 128));
  reader.expect(' ');
  const msgId = nil(reader.takeField('MSGID', 32));
  reader.expect(' ');

  const structuredData = parseStructuredData(reader);
  let msg: string | null = null;
  let hasBom = false;
  if (!reader.isAtEnd()) {
    reader.expect(' ');
    const rest = reader.rest();
    hasBom = rest[0] === 0xef && rest[1] === 0xbb && rest[2] === 0xbf;
    if (hasBom) msg = decodeUtf8(rest.subarray(3), 'MSG-UTF8', reader);
    else msg = rest.toString('latin1');
  }

  return {
    pri,
    facility: Math.floor(pri / 8),
    severity: pri % 8,
    version: Number(versionText),
    timestamp,
    hostname,
    appName,
    procId,
    msgId,
    structuredData,
    msg,
    hasBom,
  };
}

/** The params of one SD element as an object (each name once, as the tests use them). */
export function sdParams(parsed: TParsedSyslog, id: string): Record<string, string> {
  const element = parsed.structuredData.find((candidate) => candidate.id === id);
  if (!element) throw new Error(`no SD element ${id}`);

  return Object.fromEntries(element.params);
}

function parseStructuredData(reader: Reader): TParsedSdElement[] {
  if (reader.peek() === 0x2d) {
    reader.expect('-');
    return [];
  }

  const elements: TParsedSdElement[] = [];
  if (reader.peek() !== 0x5b) reader.fail('STRUCTURED-DATA must be "-" or start with "["');
  while (reader.peek() === 0x5b) {
    reader.expect('[');
    const id = reader.takeSdName('SD-ID');
    checkSdId(id, reader);
    if (elements.some((element) => element.id === id)) reader.fail(`SD-ID ${id} twice`);

    const params: Array<[string, string]> = [];
    while (reader.peek() === 0x20) {
      reader.expect(' ');
      const name = reader.takeSdName('PARAM-NAME');
      reader.expect('=');
      reader.expect('"');
      params.push([name, reader.takeParamValue()]);
    }
    reader.expect(']');
    elements.push({ id, params });
  }

  return elements;
}

function checkSdId(id: string, reader: Reader): void {
  const at = id.indexOf('@');
  if (at === -1) {
    if (!IANA_SD_IDS.has(id)) reader.fail(`SD-ID ${id} is neither IANA's nor name@number`);
    return;
  }

  const [name, enterprise] = [id.slice(0, at), id.slice(at + 1)];
  if (name === '' || !/^\d+(\.\d+)*$/.test(enterprise)) reader.fail(`bad private SD-ID ${id}`);
}

function checkTimestamp(value: string, reader: Reader): void {
  const match = TIMESTAMP.exec(value);
  if (!match) return reader.fail(`TIMESTAMP ${value} is not RFC 3339 as RFC 5424 6.2.3 has it`);

  const [month, day, hour, minute, second] = match.slice(2, 7).map(Number) as number[];
  const isInRange = month! >= 1 && month! <= 12 && day! >= 1 && day! <= 31 && hour! <= 23 &&
    minute! <= 59 && second! <= 59;
  const offsetHours = Number(match[9] ?? 0);
  const offsetMinutes = Number(match[10] ?? 0);
  const isOffsetInRange = offsetHours <= 23 && offsetMinutes <= 59;
  if (!isInRange || !isOffsetInRange) reader.fail(`TIMESTAMP ${value} out of range`);
}

function nil(field: string): string | null {
  return field === '-' ? null : field;
}

function decodeUtf8(bytes: Buffer, what: string, reader: Reader): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return reader.fail(`${what} is not valid UTF-8`);
  }
}

class Reader {
  private offset = 0;
  private readonly bytes: Buffer;

  constructor(bytes: Buffer) {
    this.bytes = bytes;
  }

  fail(reason: string): never {
    throw new SyslogParseError(`${reason} (at octet ${this.offset})`);
  }

  peek(): number | undefined {
    return this.bytes[this.offset];
  }

  isAtEnd(): boolean {
    return this.offset >= this.bytes.length;
  }

  rest(): Buffer {
    const rest = this.bytes.subarray(this.offset);
    this.offset = this.bytes.length;

    return rest;
  }

  expect(char: string): void {
    if (this.bytes[this.offset] !== char.charCodeAt(0)) this.fail(`expected "${char}"`);
    this.offset += 1;
  }

  takeWhile(isWanted: (byte: number) => boolean): string {
    const start = this.offset;
    while (this.offset < this.bytes.length && isWanted(this.bytes[this.offset] as number)) {
      this.offset += 1;
    }

    return this.bytes.toString('latin1', start, this.offset);
  }

  // 1*n PRINTUSASCII up to the next space (the space itself is the caller's to expect).
  takeField(what: string, maxLength: number): string {
    const field = this.takeWhile((byte) => byte !== 0x20);
    if (field.length === 0) this.fail(`${what} is empty`);
    if (field.length > maxLength) this.fail(`${what} longer than ${maxLength}`);
    if (!/^[\x21-\x7e]+$/.test(field)) this.fail(`${what} is not PRINTUSASCII`);

    return field;
  }

  // SD-NAME: 1*32 PRINTUSASCII except '=', SP, ']' and '"'.
  takeSdName(what: string): string {
    const name = this.takeWhile((byte) => byte >= 0x21 && byte <= 0x7e && byte !== 0x3d &&
      byte !== 0x5d && byte !== 0x22);
    if (name.length === 0) this.fail(`${what} is empty`);
    if (name.length > 32) this.fail(`${what} ${name} longer than 32`);

    return name;
  }

  // UTF-8 up to the closing '"'; '"', '\' and ']' must come escaped (RFC 5424 6.3.3). A
  // backslash before anything else is a backslash.
  takeParamValue(): string {
    const octets: number[] = [];
    for (;;) {
      const byte = this.bytes[this.offset];
      if (byte === undefined) this.fail('PARAM-VALUE not closed');
      this.offset += 1;
      if (byte === 0x22) break;
      if (byte === 0x5d) this.fail('"]" not escaped in PARAM-VALUE');
      if (byte === 0x5c) {
        const next = this.bytes[this.offset];
        if (next === 0x22 || next === 0x5c || next === 0x5d) {
          octets.push(next);
          this.offset += 1;
          continue;
        }
      }
      octets.push(byte);
    }

    return decodeUtf8(Buffer.from(octets), 'PARAM-VALUE', this);
  }
}
