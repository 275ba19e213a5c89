// Virus scanning against a real ICAP server: Debian's c-icap with its virus_scan service in
// front of ClamAV's clamd, given an EICAR signature offline and started on loopback by the
// testkit (stopped by PID). The worker holds each message, scans it, and relays it only after.
import assert from 'node:assert/strict';
import { watch } from 'node:fs';
import { readdir } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { TSnapshot, TViolationRecord } from '@portcullis/contracts';
import { startIcapServer, type TIcapServer } from '@portcullis/testkit';
import { expectAlarmed, expectBlocked } from '../helpers/expect-violation.ts';
import { ALICE, BOB, sendOne, sendTransaction } from '../helpers/mail-session.ts';
import { startProtectedWorker, type THarness } from '../helpers/protected-worker.ts';
import { openSession } from '../helpers/smtp-client.ts';
import { ALARM, BLOCK, profileWith } from '../helpers/snapshot.ts';
import {
  base64AttachmentMessage,
  cleanMessage,
  disguisedMessage,
  largeMessage,
  nestedMessage,
  zipMessage,
} from './virus-messages.ts';

const THREAT = /Portcullis\.Test\.EICAR/;
// c-icap's virus_scan.MaxObjectSize in the testkit: the scanner's default object limit.
const SCANNER_OBJECT_LIMIT_BYTES = 5 * 1024 * 1024;

const blocking = profileWith('av_block', { virus_detected: BLOCK, antivirus_unavailable: ALARM });
const alarming = profileWith('av_alarm', { virus_detected: ALARM, antivirus_unavailable: ALARM });

function noteOf(record: TViolationRecord): string {
  return record.details?.note ?? '';
}

// Held messages spill under the worker's state directory.
function holdDirOf(harness: THarness): string {
  return path.join(harness.stateDir, 'hold');
}

async function holdFiles(harness: THarness): Promise<string[]> {
  const names = await readdir(holdDirOf(harness));

  return names.filter((name) => name.startsWith(`portcullis-hold-${process.pid}-`));
}

// The hold files that appear in the directory while `during` runs.
async function holdFilesSeenDuring(harness: THarness, during: () => Promise<unknown>) {
  const seen = new Set<string>();
  const watcher = watch(holdDirOf(harness), (_event, name) => {
    if (name?.startsWith('portcullis-hold-')) seen.add(name);
  });
  try {
    await during();
  } finally {
    watcher.close();
  }

  return seen;
}

describe('anti-virus scanning through c-icap and clamd', () => {
  let harness: THarness;
  let icap: TIcapServer;
  let isIcapStopped = false;

  const antivirus = (settings: Partial<TSnapshot['antivirus']> = {}): Partial<TSnapshot> => ({
    antivirus: { host: '127.0.0.1', port: icap.port, guaranteeEnforcement: true, ...settings },
    internalParameters: { icap_uri: icap.service },
  });
  const send = (port: number, message: string) =>
    sendOne(port, { from: ALICE, to: [BOB], message });

  before(async () => {
    icap = await startIcapServer();
    harness = await startProtectedWorker({ zone: { 'icap.test': { A: ['127.0.0.1'] } } });
  });

  after(async () => {
    await harness.stop();
    if (!isIcapStopped) await icap.stop();
  });

  it('should relay a clean message after its scan, with nothing recorded', async () => {
    const port = await harness.serve(blocking, {}, antivirus());
    const relayed = harness.backend.messages.length;
    const recorded = harness.api.violations.length;

    const replies = await send(port, cleanMessage('clean'));

    assert.equal(replies.end?.code, 250, replies.end?.text);
    assert.equal(harness.backend.messages.length, relayed + 1);
    assert.match(harness.backend.messages.at(-1)?.data.toString() ?? '', /Subject: clean/);
    assert.equal((await harness.settledViolations()).length, recorded);
  });

  it('should refuse EICAR in a base64 attachment with 554 5.7.0 and relay nothing', async () => {
    const port = await harness.serve(blocking, {}, antivirus());
    const relayed = harness.backend.messages.length;
    const client = await openSession(port);

    const infected = await sendTransaction(client, ALICE, [BOB], base64AttachmentMessage());
    const clean = await sendTransaction(client, ALICE, [BOB], cleanMessage('after'));
    client.close();

    const record = await expectBlocked(harness, infected.end, 554, '5.7.0', 'virus_detected');
    assert.match(noteOf(record), THREAT);
    // The member's transaction was reset, never finished: the next message is the only one.
    assert.equal(clean.end?.code, 250, clean.end?.text);
    assert.equal(harness.backend.messages.length, relayed + 1);
    assert.match(harness.backend.messages.at(-1)?.data.toString() ?? '', /Subject: after/);
  });

  const hidden = [
    ['in a nested multipart', nestedMessage, /found in the message as a whole/],
    ['in a zip attachment', zipMessage, /found in the message as a whole/],
    // clamd takes a message opening with "MZ" for a Windows program and decodes no MIME
    // part of it; the worker's scan of each decoded part finds the attachment anyway.
    ['behind a first line that reads as another file type', disguisedMessage, /part 2 .*a\.com/],
  ] as const;
  for (const [where, build, place] of hidden) {
    it(`should refuse EICAR ${where}`, async () => {
      const port = await harness.serve(blocking, {}, antivirus());
      const relayed = harness.backend.messages.length;

      const replies = await send(port, build());

      const record = await expectBlocked(harness, replies.end, 554, '5.7.0', 'virus_detected');
      assert.match(noteOf(record), THREAT);
      assert.match(noteOf(record), place);
      assert.equal(harness.backend.messages.length, relayed);
    });
  }

  it('should find EICAR at the end of a message larger than the scanner limit', async () => {
    const port = await harness.serve(blocking, {}, antivirus());
    const relayed = harness.backend.messages.length;
    const message = largeMessage(SCANNER_OBJECT_LIMIT_BYTES + 512 * 1024);
    assert.ok(message.length > SCANNER_OBJECT_LIMIT_BYTES);

    let replies: Awaited<ReturnType<typeof send>> | undefined;
    const seen = await holdFilesSeenDuring(harness, async () => (replies = await send(port, message)));

    await expectBlocked(harness, replies?.end, 554, '5.7.0', 'virus_detected');
    assert.equal(harness.backend.messages.length, relayed);
    // Held on disk past 1 MiB, and the file is gone once the message is decided.
    assert.equal(seen.size, 1, 'one hold file in the state directory');
    assert.deepEqual(await holdFiles(harness), []);
  });

  it('should relay a large clean message held on disk, byte for byte', async () => {
    const port = await harness.serve(blocking, {}, antivirus());
    const message = cleanMessage('large clean') + 'x'.repeat(70).concat('\r\n').repeat(40_000);

    const replies = await send(port, message);

    assert.equal(replies.end?.code, 250, replies.end?.text);
    const data = harness.backend.messages.at(-1)?.data.toString() ?? '';
    assert.ok(data.endsWith(`${message}\r\n`), 'the whole message, after the Received header');
    assert.deepEqual(await holdFiles(harness), []);
  });

  it('should refuse what the data checks refuse before any scan, and go on', async () => {
    const profile = profileWith('av_size', { virus_detected: BLOCK, message_too_large: BLOCK }, {
      validation: { maxMessageBytes: 4096 },
    });
    const port = await harness.serve(profile, {}, antivirus());
    const relayed = harness.backend.messages.length;
    const client = await openSession(port);

    const large = await sendTransaction(client, ALICE, [BOB], largeMessage(8192));
    const small = await sendTransaction(client, ALICE, [BOB], cleanMessage('small'));
    client.close();

    await expectBlocked(harness, large.end, 552, '5.3.4', 'message_too_large');
    assert.equal(small.end?.code, 250, small.end?.text);
    assert.equal(harness.backend.messages.length, relayed + 1);
  });

  it('should relay an infected message and record it when the profile only alarms', async () => {
    const port = await harness.serve(alarming, {}, antivirus());
    const relayed = harness.backend.messages.length;
    const since = harness.api.violations.length;

    const replies = await send(port, base64AttachmentMessage());

    assert.equal(replies.end?.code, 250, replies.end?.text);
    assert.equal(harness.backend.messages.length, relayed + 1);
    const record = await expectAlarmed(harness, 'virus_detected', since);
    assert.match(noteOf(record), THREAT);
  });

  it('should not scan when the profile neither alarms on nor blocks viruses', async () => {
    const port = await harness.serve(profileWith('av_off', {}), {}, antivirus());
    const recorded = harness.api.violations.length;

    const replies = await send(port, base64AttachmentMessage());

    assert.equal(replies.end?.code, 250, replies.end?.text);
    assert.equal((await harness.settledViolations()).length, recorded);
  });

  it('should find the ICAP server by name through the configured DNS servers', async () => {
    const port = await harness.serve(blocking, {}, antivirus({ host: 'icap.test' }));
    const queries = harness.dns.queries;

    const replies = await send(port, base64AttachmentMessage());

    await expectBlocked(harness, replies.end, 554, '5.7.0', 'virus_detected');
    assert.ok(harness.dns.queries > queries, 'icap.test looked up at the loopback DNS server');
  });

  it('should defer with 451 4.3.0 when clamd is down behind c-icap (ICAP 500)', async () => {
    await icap.stopClamd();
    try {
      const enforced = await harness.serve(blocking, {}, antivirus());
      const relayed = harness.backend.messages.length;
      const recorded = harness.api.violations.length;

      const deferred = await send(enforced, base64AttachmentMessage());

      assert.equal(deferred.end?.code, 451, deferred.end?.text);
      assert.match(deferred.end?.text ?? '', /^4\.3\.0 /);
      assert.equal(harness.backend.messages.length, relayed);
      assert.equal((await harness.settledViolations()).length, recorded);

      // Guarantee Enforcement off: relayed unscanned, and the record says why.
      const lenient = await harness.serve(blocking, {}, antivirus({ guaranteeEnforcement: false }));
      const since = harness.api.violations.length;

      const relayedAnyway = await send(lenient, cleanMessage('unscanned'));

      assert.equal(relayedAnyway.end?.code, 250, relayedAnyway.end?.text);
      assert.equal(harness.backend.messages.length, relayed + 1);
      const record = await expectAlarmed(harness, 'antivirus_unavailable', since);
      assert.match(noteOf(record), /icap_server_error/);
    } finally {
      await icap.startClamd();
    }
  });

  it('should defer with 451 when the ICAP server stalls past icap_timeout_ms', async () => {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const silentPort = (silent.address() as net.AddressInfo).port;
    try {
      const parts = {
        ...antivirus({ port: silentPort }),
        internalParameters: { icap_uri: 'avscan', icap_timeout_ms: '300' },
      };
      const port = await harness.serve(blocking, {}, parts);
      const relayed = harness.backend.messages.length;
      const started = Date.now();

      const replies = await send(port, cleanMessage('stalled'));

      assert.equal(replies.end?.code, 451, replies.end?.text);
      assert.ok(Date.now() - started < 5_000, 'deferred within the time limit');
      assert.equal(harness.backend.messages.length, relayed);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('should defer with 451 when the ICAP server is stopped, relay when not enforced', async () => {
    await icap.stop();
    isIcapStopped = true;
    const enforced = await harness.serve(blocking, {}, antivirus());
    const relayed = harness.backend.messages.length;

    const deferred = await send(enforced, base64AttachmentMessage());

    assert.equal(deferred.end?.code, 451, deferred.end?.text);
    assert.equal(harness.backend.messages.length, relayed);

    const lenient = await harness.serve(blocking, {}, antivirus({ guaranteeEnforcement: false }));
    const since = harness.api.violations.length;
    const relayedAnyway = await send(lenient, cleanMessage('icap down'));

    assert.equal(relayedAnyway.end?.code, 250, relayedAnyway.end?.text);
    assert.equal(harness.backend.messages.length, relayed + 1);
    const record = await expectAlarmed(harness, 'antivirus_unavailable', since);
    assert.match(noteOf(record), /icap_connect_failed|icap_connection_lost/);
  });
});
