import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TViolationRecord } from '@portcullis/contracts';
import { createLogger } from '../../src/logging/create-logger.ts';
import { resolveLogHost } from '../../src/remote-logging/resolve-log-host.ts';
import { formatSyslogMessage } from '../../src/remote-logging/syslog-format.ts';
import type {
  TSyslogTransport,
  TTransportOptions,
} from '../../src/remote-logging/syslog-transport.ts';
import { createTcpTransport } from '../../src/remote-logging/tcp-transport.ts';
import {
  createUdpTransport,
  UDP_MAX_MESSAGE_BYTES,
} from '../../src/remote-logging/udp-transport.ts';
import { SD_ID, violationMessage } from '../../src/remote-logging/violation-message.ts';
import { parseRfc5424, sdParams } from '../helpers/rfc5424.ts';
import { startRsyslog, type TReceived, type TRsyslog } from '../helpers/rsyslog.ts';
import { freePort } from '../helpers/snapshot.ts';
import { violationRecord } from '../helpers/violation-record.ts';

const ORIGIN = { hostname: 'gw.portcullis.test', procId: String(process.pid) };
const logger = createLogger('silent', 'test-worker');

function options(port: number, extra: Partial<TTransportOptions> = {}): TTransportOptions {
  return {
    host: '127.0.0.1',
    port,
    resolve: () => resolveLogHost('127.0.0.1', { resolvers: [], timeoutMs: 1000 }),
    logger,
    retryBaseMs: 50,
    retryMaxMs: 200,
    ...extra,
  };
}

function send(transport: TSyslogTransport, record: TViolationRecord): void {
  const message = violationMessage(record, ORIGIN);
  transport.send(formatSyslogMessage(message, transport.maxMessageBytes));
}

function supportId(prefix: string, n: number): string {
  return `${prefix}-${String(n).padStart(5, '0')}`;
}

function supportIdOf(line: TReceived): string | undefined {
  return sdParams(parseRfc5424(Buffer.from(line.raw, 'utf8')), SD_ID).supportId;
}

/** Strictly parsed, and rsyslog's own parser agreeing on the fields. */
function check(line: TReceived, record: TViolationRecord) {
  const bytes = Buffer.from(line.raw, 'utf8');
  const parsed = parseRfc5424(bytes);
  const params = sdParams(parsed, SD_ID);
  assert.equal(params.supportId, record.supportId);
  assert.equal(params.violation, record.violation);
  assert.equal(params.action, record.action);
  assert.equal(params.client, record.clientAddress);
  assert.equal(params.helo, record.helo ?? undefined);
  assert.equal(parsed.msgId, record.violation);
  assert.equal(line.appName, 'portcullis');
  assert.equal(line.msgId, record.violation);
  assert.equal(line.hostname, ORIGIN.hostname);
  assert.equal(Number(line.pri), parsed.pri);
  assert.ok(line.sd.startsWith(`[${SD_ID} supportId="${record.supportId}"`), line.sd);

  return { parsed, params, bytes };
}

const NASTY_HELO = 'evil"host\\name]with[brackets';
const LONG_NOTE = `${'é'.repeat(1500)}${'x'.repeat(3000)}`;

describe('remote logging to rsyslog', () => {
  let rsyslog: TRsyslog;

  before(async () => {
    rsyslog = await startRsyslog();
  });

  after(async () => {
    await rsyslog?.stop();
  });

  it('should deliver one datagram per violation over UDP, MSG cut to 2048 octets', async () => {
    const transport = createUdpTransport(options(rsyslog.udpPort));
    const records = [
      violationRecord({ supportId: 'UDP01-00001' }),
      violationRecord({ supportId: 'UDP01-00002', action: 'ALARM', helo: NASTY_HELO }),
      violationRecord({ supportId: 'UDP01-00003', details: { note: LONG_NOTE } }),
    ];
    const before = (await rsyslog.received()).length;
    for (const record of records) send(transport, record);

    const lines = (await rsyslog.waitForCount(before + 3)).slice(before);
    await transport.close(1000);
    const byId = new Map(lines.map((line) => [supportIdOf(line), line]));
    assert.equal(check(byId.get('UDP01-00001') as TReceived, records[0]!).parsed.severity, 4);
    const alarm = check(byId.get('UDP01-00002') as TReceived, records[1]!);
    assert.equal(alarm.parsed.severity, 5);
    assert.equal(alarm.params.helo, NASTY_HELO);
    const long = check(byId.get('UDP01-00003') as TReceived, records[2]!);
    const size = long.bytes.length;
    assert.ok(size <= UDP_MAX_MESSAGE_BYTES && size > 2000, `${size} octets`);
    assert.equal(long.parsed.hasBom, true);
    assert.equal(transport.stats().dropped, 0);
  });

  it('should frame messages by octet count over TCP, whole and in order', async () => {
    const transport = createTcpTransport(options(rsyslog.tcpPort));
    const records = Array.from({ length: 50 }, (_, n) =>
      violationRecord({
        supportId: supportId('TCP01', n),
        helo: n % 2 ? NASTY_HELO : `client-${n}.example`,
        details: { note: n === 7 ? LONG_NOTE : `note ${n}\nwith a line break` },
      }),
    );
    const before = (await rsyslog.received()).length;
    for (const record of records) send(transport, record);

    const lines = (await rsyslog.waitForCount(before + 50)).slice(before);
    await transport.close(1000);
    lines.forEach((line, n) => check(line, records[n]!));
    const long = parseRfc5424(Buffer.from(lines[7]!.raw));
    assert.ok(long.msg?.includes(LONG_NOTE), 'a 7.5 KB message arrives whole over TCP');
    assert.match(parseRfc5424(Buffer.from(lines[0]!.raw)).msg ?? '', /note 0 with a line break/);
    assert.deepEqual(transport.stats(), { sent: 50, dropped: 0, queued: 0 });
  });

  it('should send everything queued before it closes', async () => {
    const transport = createTcpTransport(options(rsyslog.tcpPort));
    const before = (await rsyslog.received()).length;
    for (let n = 0; n < 200; n += 1) {
      send(transport, violationRecord({ supportId: supportId('FLUSH', n) }));
    }

    await transport.close(2000);
    const lines = (await rsyslog.waitForCount(before + 200)).slice(before);
    assert.equal(lines.length, 200);
    assert.equal(transport.stats().dropped, 0);
  });
});

describe('remote logging over TCP while the server is away', () => {
  it('should keep the newest messages, drop the oldest, deliver on reconnecting', async () => {
    const tcpPort = await freePort();
    const transport = createTcpTransport(options(tcpPort, { queue: { maxMessages: 3 } }));
    for (let n = 1; n <= 5; n += 1) {
      send(transport, violationRecord({ supportId: `AWAY1-0000${n}` }));
    }
    assert.deepEqual(transport.stats(), { sent: 0, dropped: 2, queued: 3 });

    const rsyslog = await startRsyslog({ tcpPort });
    try {
      const first = await rsyslog.waitForCount(3);
      const ids = first.map(supportIdOf);
      assert.deepEqual(ids, ['AWAY1-00003', 'AWAY1-00004', 'AWAY1-00005']);

      // The server goes away and comes back on the same port: the connection is made again.
      await rsyslog.stop();
      await new Promise((resolve) => setTimeout(resolve, 200));
      send(transport, violationRecord({ supportId: 'AWAY2-00001' }));
      const again = await startRsyslog({ tcpPort });
      try {
        const lines = await again.waitForCount(1);
        assert.equal(supportIdOf(lines[0]!), 'AWAY2-00001');
      } finally {
        await again.stop();
      }
    } finally {
      await rsyslog.stop().catch(() => undefined);
      await transport.close(100);
    }
  });

  it('should take a storm of messages without waiting while nothing listens', async () => {
    const transport = createTcpTransport(options(await freePort()));
    const message = formatSyslogMessage(violationMessage(violationRecord(), ORIGIN), 8192);
    const started = process.hrtime.bigint();
    for (let n = 0; n < 20_000; n += 1) transport.send(message);
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;

    // About 120 ms on this machine; the bound leaves room for a loaded one.
    assert.ok(elapsedMs < 2_000, `20,000 sends took ${elapsedMs} ms`);
    assert.deepEqual(transport.stats(), { sent: 0, dropped: 10_000, queued: 10_000 });
    await transport.close(50);
    assert.equal(transport.stats().dropped, 20_000);
  });
});

describe('resolveLogHost', () => {
  it('should take an address as it is and ask the system resolver without System › DNS', async () => {
    const none = { resolvers: [], timeoutMs: 1000 };
    assert.deepEqual(await resolveLogHost('::1', none), { address: '::1', family: 6 });
    // /etc/hosts, through getaddrinfo: no DNS server is asked.
    const local = await resolveLogHost('localhost', none);
    assert.ok(['127.0.0.1', '::1'].includes(local.address), local.address);
  });
});
