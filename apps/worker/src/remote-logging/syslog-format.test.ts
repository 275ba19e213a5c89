import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TViolationRecord } from '@portcullis/contracts';
import { parseRfc5424, sdParams, SyslogParseError } from '../../test/helpers/rfc5424.ts';
import { violationRecord } from '../../test/helpers/violation-record.ts';
import { FrameQueue } from './frame-queue.ts';
import {
  formatSyslogMessage,
  isSdName,
  MAX_PARAM_VALUE_BYTES,
  type TSyslogMessage,
} from './syslog-format.ts';
import { frameOctetCounted, TCP_MAX_MESSAGE_BYTES } from './tcp-transport.ts';
import { UDP_MAX_MESSAGE_BYTES } from './udp-transport.ts';
import { SD_ID, violationMessage } from './violation-message.ts';

const ORIGIN = { hostname: 'gw.portcullis.test', procId: '4242' };

const record = violationRecord;

function formatted(input: TViolationRecord, maxBytes = UDP_MAX_MESSAGE_BYTES): Buffer {
  return formatSyslogMessage(violationMessage(input, ORIGIN), maxBytes);
}

function message(overrides: Partial<TSyslogMessage>): TSyslogMessage {
  return {
    facility: 16,
    severity: 5,
    timestamp: null,
    hostname: null,
    appName: null,
    procId: null,
    msgId: null,
    structuredData: [],
    msg: null,
    ...overrides,
  };
}

describe('violationMessage + formatSyslogMessage', () => {
  it('should make a blocked violation a local0.warning message with every SD param', () => {
    const parsed = parseRfc5424(formatted(record()));

    assert.equal(parsed.pri, 132);
    assert.deepEqual([parsed.facility, parsed.severity, parsed.version], [16, 4, 1]);
    assert.equal(parsed.timestamp, '2026-12-04T19:42:33.123Z');
    assert.equal(parsed.hostname, 'gw.portcullis.test');
    assert.equal(parsed.appName, 'portcullis');
    assert.equal(parsed.procId, '4242');
    assert.equal(parsed.msgId, 'disallowed_method');
    assert.equal(SD_ID, 'portcullis@32473');
    assert.deepEqual(sdParams(parsed, SD_ID), {
      supportId: 'ABCDE-12345',
      violation: 'disallowed_method',
      action: 'ALARM_BLOCK',
      virtualServer: 'vs_smtp',
      securityProfile: 'strict',
      client: '192.0.2.7',
      clientPort: '40123',
      helo: 'client.example',
      mailFrom: 'alice@sender.example',
      rcptCount: '2',
    });
    assert.equal(parsed.hasBom, false);
    assert.match(parsed.msg ?? '', /^disallowed_method blocked \(Support ID ABCDE-12345\): VRFY/);
  });

  it('should make an alarm notice and leave out what the client never said', () => {
    const input = record({ action: 'ALARM', helo: null, mailFrom: null, rcptTo: [], reply: '' });
    const parsed = parseRfc5424(formatted(input));

    assert.equal(parsed.pri, 16 * 8 + 5);
    const params = sdParams(parsed, SD_ID);
    assert.equal(params.helo, undefined);
    assert.equal(params.mailFrom, undefined);
    assert.equal(params.rcptCount, '0');
    assert.match(parsed.msg ?? '', /alarmed/);
    assert.doesNotMatch(parsed.msg ?? '', /reply/);
  });

  it('should escape ", \\ and ] in PARAM-VALUEs and replace control characters', () => {
    const helo = 'a"b\\c]d[e=f g';
    const mailFrom = 'x\r\ny\u0000z\u007f@example';
    const parsed = parseRfc5424(formatted(record({ helo, mailFrom })));

    const params = sdParams(parsed, SD_ID);
    assert.equal(params.helo, helo);
    assert.equal(params.mailFrom, 'x??y?z?@example');
    const raw = formatted(record({ helo })).toString('utf8');
    assert.ok(raw.includes('helo="a\\"b\\\\c\\]d[e=f g"'), raw);
  });

  it('should send MSG as UTF-8 with a BOM when it is not ASCII', () => {
    const mailFrom = 'jörg@bücher.example';
    const command = `MAIL FROM:<${mailFrom}>`;
    const parsed = parseRfc5424(formatted(record({ mailFrom, command })));

    assert.equal(parsed.hasBom, true);
    assert.match(parsed.msg ?? '', /jörg@bücher\.example/);
    assert.equal(sdParams(parsed, SD_ID).mailFrom, mailFrom);
  });

  it('should cut only MSG to fit a datagram, at a character boundary', () => {
    const note = 'ü'.repeat(3000);
    const bytes = formatted(record({ details: { note } }));
    const parsed = parseRfc5424(bytes);

    assert.ok(bytes.length <= UDP_MAX_MESSAGE_BYTES, `${bytes.length} bytes`);
    assert.ok(bytes.length >= UDP_MAX_MESSAGE_BYTES - 1, 'filled up to the limit');
    assert.equal(parsed.hasBom, true);
    assert.match(parsed.msg ?? '', /^disallowed_method blocked .*: ü+$/);
    assert.equal(Object.keys(sdParams(parsed, SD_ID)).length, 10);
    // Over TCP the same message goes whole, up to its larger bound.
    const long = parseRfc5424(formatted(record({ details: { note } }), TCP_MAX_MESSAGE_BYTES));
    assert.ok(long.msg?.endsWith(`${note}; command "VRFY bob"; reply "${record().reply}"`));
  });

  it('should keep the structured data of the worst record whole within 2048 octets', () => {
    const worst = record({
      virtualServer: `v${'x'.repeat(62)}`,
      securityProfile: `p${'x'.repeat(62)}`,
      clientAddress: 'ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255',
      helo: ']'.repeat(512),
      mailFrom: '€'.repeat(512),
      violation: 'rfc_unauthorized_pipelining',
    });
    const origin = { hostname: 'h'.repeat(300), procId: '4194304' };
    const bytes = formatSyslogMessage(violationMessage(worst, origin), UDP_MAX_MESSAGE_BYTES);
    const parsed = parseRfc5424(bytes);

    assert.ok(bytes.length <= UDP_MAX_MESSAGE_BYTES, `${bytes.length} bytes`);
    assert.equal(parsed.hostname, 'h'.repeat(255));
    const params = sdParams(parsed, SD_ID);
    assert.equal(params.helo, ']'.repeat(MAX_PARAM_VALUE_BYTES / 2));
    assert.equal(params.mailFrom, '€'.repeat(Math.floor(MAX_PARAM_VALUE_BYTES / 3)));
    assert.equal(params.rcptCount, '2');
    assert.ok(parsed.msg && parsed.msg.length > 0, 'room left for MSG');
  });

  it('should never split an escape when a value is clipped', () => {
    for (const length of [511, 512, 513]) {
      const helo = `${'a'.repeat(length - 1)}"`;
      const parsed = parseRfc5424(formatted(record({ helo })));
      const value = sdParams(parsed, SD_ID).helo ?? '';
      assert.ok(helo.startsWith(value), `${length}: a prefix`);
      assert.ok(Buffer.byteLength(value) <= MAX_PARAM_VALUE_BYTES);
    }
  });
});

describe('formatSyslogMessage header fields', () => {
  it('should use NILVALUE for missing fields and structured data', () => {
    const bytes = formatSyslogMessage(message({}), 2048);

    assert.equal(bytes.toString(), '<133>1 - - - - - -');
    assert.deepEqual(parseRfc5424(bytes).structuredData, []);
  });

  it('should clip HOSTNAME, APP-NAME, PROCID and MSGID and keep them PRINTUSASCII', () => {
    const parsed = parseRfc5424(
      formatSyslogMessage(
        message({
          hostname: `bad host ${'h'.repeat(300)}`,
          appName: 'a'.repeat(60),
          procId: 'p'.repeat(200),
          msgId: `m${'é'.repeat(40)}`,
          timestamp: '2026-12-04 19:42:33',
        }),
        2048,
      ),
    );

    assert.equal(parsed.hostname, `bad_host_${'h'.repeat(246)}`);
    assert.equal(parsed.appName, 'a'.repeat(48));
    assert.equal(parsed.procId, 'p'.repeat(128));
    assert.equal(parsed.msgId, `m${'_'.repeat(31)}`);
    assert.equal(parsed.timestamp, null);
  });

  it('should refuse SD names a receiver could not parse', () => {
    const cases: Array<[string, boolean]> = [
      ['supportId', true],
      ['a'.repeat(32), true],
      ['a'.repeat(33), false],
      ['', false],
      ['has space', false],
      ['a=b', false],
      ['a]b', false],
      ['a"b', false],
      ['é', false],
    ];
    for (const [name, isValid] of cases) assert.equal(isSdName(name), isValid, name);

    const bad = message({ structuredData: [{ id: 'x@1', params: [['a b', 'v']] }] });
    assert.throws(() => formatSyslogMessage(bad, 2048), /PARAM-NAME/);
    const badId = message({ structuredData: [{ id: 'x@pen', params: [] }] });
    assert.throws(() => formatSyslogMessage(badId, 2048), /SD-ID/);
  });
});

describe('the strict parser', () => {
  it('should reject what RFC 5424 does not allow', () => {
    const bad = [
      '<192>1 - - - - - -',
      '<013>1 - - - - - -',
      '<13>0 - - - - - -',
      '<13>1  - - - - -',
      '<13>1 2026-13-01T00:00:00Z - - - - -',
      '<13>1 2026-12-01T00:00:00.1234567Z - - - - -',
      '<13>1 - hôst - - - -',
      '<13>1 - - - - - [x@1 a="]"]',
      '<13>1 - - - - - [x@1 a="b"',
      '<13>1 - - - - - [unregistered a="b"]',
      '<13>1 - - - - - [x@1 a="b"][x@1 c="d"]',
      '<13>1 - - - - - -msg',
    ];
    for (const text of bad) assert.throws(() => parseRfc5424(text), SyslogParseError, text);

    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const badUtf8 = Buffer.concat([Buffer.from('<13>1 - - - - - - '), bom, Buffer.from([0xc3])]);
    assert.throws(() => parseRfc5424(badUtf8), /UTF-8/);
    const lone = parseRfc5424('<13>1 - - - - - [x@1 a="\\q"] m');
    assert.deepEqual(lone.structuredData[0]?.params, [['a', '\\q']]);
  });
});

describe('transport framing and queue', () => {
  it('should frame a message by its length in octets (RFC 6587 3.4.1)', () => {
    const framed = frameOctetCounted(Buffer.from('<13>1 - - - - - - é'));
    assert.equal(framed.toString(), '20 <13>1 - - - - - - é');
  });

  it('should drop the oldest messages past either bound and count them', () => {
    const queue = new FrameQueue({ maxMessages: 3, maxBytes: 10 });
    for (const text of ['a', 'b', 'c', 'd']) queue.push(Buffer.from(text));
    assert.equal(queue.dropped, 1);
    assert.equal(queue.peek()?.toString(), 'b');

    queue.push(Buffer.from('1234567890'));
    assert.deepEqual([queue.length, queue.dropped], [1, 4]);
    assert.equal(queue.shift()?.toString(), '1234567890');
    assert.equal(queue.shift(), undefined);
  });
});
