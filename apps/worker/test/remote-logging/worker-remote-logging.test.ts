import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TSnapshot, TSnapshotSecurityProfile } from '@portcullis/contracts';
import { SD_ID } from '../../src/remote-logging/violation-message.ts';
import type { TWorker } from '../../src/start-worker.ts';
import { startBackend, type TBackend } from '../helpers/backend.ts';
import { startLoggedWorker } from '../helpers/logged-worker.ts';
import { startLoopbackDns, type TLoopbackDns } from '../helpers/loopback-dns.ts';
import { parseRfc5424, sdParams } from '../helpers/rfc5424.ts';
import { startRsyslog, type TRsyslog } from '../helpers/rsyslog.ts';
import { openSession } from '../helpers/smtp-client.ts';
import {
  BLOCK,
  freePort,
  pool,
  profileWith,
  snapshot,
  virtualServer,
} from '../helpers/snapshot.ts';
import { GATEWAY_NAME } from '../helpers/worker.ts';

const LOG_HOST = 'syslog.portcullis.test';
const SUPPORT_ID = /\(Support ID: (\w{5}-\w{5})\)/;
// Long enough for a message that would come to have arrived; nothing more is expected.
const SETTLE_MS = 300;

function profile(name: string, remoteLogging: boolean): TSnapshotSecurityProfile {
  return { ...profileWith(name, { disallowed_method: BLOCK }), remoteLogging };
}

describe('remote logging from a worker', () => {
  let rsyslog: TRsyslog;
  let dns: TLoopbackDns;
  let backend: TBackend;
  let worker: TWorker;
  let logLines: Array<Record<string, unknown>> = [];
  let loggedPort = 0;
  let quietPort = 0;

  const configure = (version: number, remoteLogging: TSnapshot['remoteLogging']) =>
    worker.applySnapshot(
      snapshot(version, {
        virtualServers: [
          virtualServer('vs_logged', loggedPort, { securityProfile: 'logged' }),
          virtualServer('vs_quiet', quietPort, { securityProfile: 'quiet' }),
        ],
        pools: [pool('pool_a', [backend.port])],
        securityProfiles: [profile('logged', true), profile('quiet', false)],
        dns: { resolvers: [dns.address], timeoutMs: 1000 },
        remoteLogging,
      }),
    );

  // A VRFY the profile blocks: the Support ID of the refusal, and the client's port.
  const violate = async (port: number, helo: string) => {
    const client = await openSession(port, helo);
    const clientPort = client.socket.localPort;
    await client.command('MAIL FROM:<alice@sender.example>');
    await client.command('RCPT TO:<bob@protected.example>');
    const reply = await client.command('VRFY bob');
    client.close();
    assert.equal(reply.code, 502, reply.text);

    return { supportId: SUPPORT_ID.exec(reply.text)?.[1] as string, clientPort };
  };

  // Exactly `count` messages so far, however long one more would have taken.
  const settle = async (count: number) => {
    await rsyslog.waitForCount(count);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const settled = await rsyslog.received();
    assert.equal(settled.length, count, 'no more messages than expected');

    return settled.map((line) => parseRfc5424(Buffer.from(line.raw, 'utf8')));
  };

  before(async () => {
    rsyslog = await startRsyslog();
    // The log server's name is looked up through the snapshot's resolvers.
    dns = await startLoopbackDns({ [LOG_HOST]: { A: ['127.0.0.1'] } });
    backend = await startBackend();
    const logged = await startLoggedWorker();
    worker = logged.worker;
    logLines = logged.logLines;
    loggedPort = await freePort();
    quietPort = await freePort();
  });

  after(async () => {
    await worker?.stop();
    await backend?.stop();
    await dns?.close();
    await rsyslog?.stop();
  });

  it('should send one message per violation with Remote Logging on, none with it off', async () => {
    await configure(1, { enabled: true, host: LOG_HOST, port: rsyslog.tcpPort, transport: 'TCP' });

    const logged = await violate(loggedPort, 'logged.client.test');
    const quiet = await violate(quietPort, 'quiet.client.test');

    const [message] = await settle(1);
    assert.ok(message);
    assert.equal(message.hostname, GATEWAY_NAME);
    assert.equal(message.appName, 'portcullis');
    assert.equal(message.msgId, 'disallowed_method');
    assert.equal(message.severity, 4);
    assert.deepEqual(sdParams(message, SD_ID), {
      supportId: logged.supportId,
      violation: 'disallowed_method',
      action: 'ALARM_BLOCK',
      virtualServer: 'vs_logged',
      securityProfile: 'logged',
      client: '127.0.0.1',
      clientPort: String(logged.clientPort),
      helo: 'logged.client.test',
      mailFrom: 'alice@sender.example',
      rcptCount: '1',
    });

    // Local logging is on whatever the profile says: both violations have their log line.
    const local = logLines.filter((line) => line.msg === 'violation').map((line) => line.supportId);
    assert.ok(local.includes(logged.supportId), 'the logged profile has its local line');
    assert.ok(local.includes(quiet.supportId), 'the quiet profile has its local line');
    // The report to the API counts the one message sent.
    const destination = `TCP ${LOG_HOST}:${rsyslog.tcpPort}`;
    assert.deepEqual(worker.report().remoteLogging, { destination, sent: 1, dropped: 0, queued: 0 });
  });

  it('should follow a new snapshot: another transport, then remote logging off', async () => {
    const udp = { host: '127.0.0.1', port: rsyslog.udpPort, transport: 'UDP' as const };
    await configure(2, { enabled: true, ...udp });
    const overUdp = await violate(loggedPort, 'udp.client.test');
    await violate(quietPort, 'quiet.client.test');

    const messages = await settle(2);
    assert.equal(sdParams(messages[1]!, SD_ID).supportId, overUdp.supportId);
    // A new destination starts its own count.
    const destination = `UDP 127.0.0.1:${rsyslog.udpPort}`;
    assert.deepEqual(worker.report().remoteLogging, { destination, sent: 1, dropped: 0, queued: 0 });

    await configure(3, { enabled: false, ...udp });
    const off = await violate(loggedPort, 'off.client.test');
    await settle(2);
    assert.equal(worker.report().remoteLogging, null);
    const isOffLogged = logLines.some(
      (line) => line.msg === 'violation' && line.supportId === off.supportId,
    );
    assert.ok(isOffLogged, 'logged locally');
  });
});
