import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SUPPORT_ID_PATTERN } from '@portcullis/contracts';
import { ALICE, BOB } from '../helpers/mail-session.ts';
import { startProtectedWorker, type THarness } from '../helpers/protected-worker.ts';
import { openSession, relayOne } from '../helpers/smtp-client.ts';
import { BLOCK, profileWith } from '../helpers/snapshot.ts';
import { waitFor } from '../helpers/worker.ts';

describe('violation records and traffic', () => {
  let harness: THarness;

  before(async () => {
    harness = await startProtectedWorker();
  });

  after(async () => {
    await harness.stop();
  });

  it('should record a block with everything the administrator needs', async () => {
    const port = await harness.serve(profileWith('vrfy_blocked', { disallowed_method: BLOCK }));
    const client = await openSession(port, 'client.test');
    const clientPort = client.socket.localPort;
    await client.command('MAIL FROM:<alice@sender.example>');
    await client.command('RCPT TO:<bob@protected.example>');

    const reply = await client.command('VRFY bob');
    client.close();

    assert.equal(reply.code, 502);
    assert.match(reply.text, /^5\.5\.1 Command not allowed here \(Support ID: \w{5}-\w{5}\)$/);
    const record = await harness.violationOf(reply);
    assert.match(record.supportId, SUPPORT_ID_PATTERN);
    assert.ok(Math.abs(Date.parse(record.time) - Date.now()) < 10_000);
    assert.equal(record.protocol, 'SMTP');
    assert.equal(record.virtualServer, 'vs_protected');
    assert.equal(record.serviceProfile, 'smtp');
    assert.equal(record.securityProfile, 'vrfy_blocked');
    assert.equal(record.clientAddress, '127.0.0.1');
    assert.equal(record.clientPort, clientPort);
    assert.equal(record.helo, 'client.test');
    assert.equal(record.mailFrom, ALICE);
    assert.deepEqual(record.rcptTo, [BOB]);
    assert.equal(record.command, 'VRFY bob');
    assert.equal(record.violation, 'disallowed_method');
    assert.equal(record.action, 'ALARM_BLOCK');
    assert.equal(record.reply, `502 ${reply.text}`);
    assert.deepEqual(record.details?.transcript?.slice(-4), [
      'C: RCPT TO:<bob@protected.example>',
      'S: 250 2.1.5 Accepted',
      'C: VRFY bob',
      `S: 502 ${reply.text}`,
    ]);
    assert.match(record.details?.note ?? '', /VRFY is on the disallowed list/);
    // The records went through the shipper's spool under the state directory.
    const spool = await readdir(path.join(harness.stateDir, 'spool'));
    const kinds = spool.filter((name) => !name.endsWith('.lock')).sort();
    assert.deepEqual(kinds, ['traffic', 'violations']);
  });

  it('should count traffic per minute for protected and unprotected virtual servers', async () => {
    const port = await harness.serve(profileWith('counted', { disallowed_method: BLOCK }));
    assert.equal(await relayOne(port, 'one'), 250);
    assert.equal(await relayOne(port, 'two'), 250);
    const client = await openSession(port);
    await client.command('VRFY x');
    client.close();
    const plain = await harness.serve(null, { name: 'vs_plain' });
    assert.equal(await relayOne(plain, 'three'), 250);
    await harness.worker.stop();

    const sum = (profile: string, vs: string) => {
      const rows = harness.api.traffic.filter(
        (row) => row.securityProfile === profile && row.virtualServer === vs,
      );
      const total = {
        connections: 0, messages: 0, recipients: 0, alarmed: 0, blocked: 0, bytes: 0,
      };
      for (const row of rows) {
        for (const key of Object.keys(total) as Array<keyof typeof total>) total[key] += row[key];
      }

      return total;
    };
    await waitFor(() => sum('(none)', 'vs_plain').messages === 1, 5_000, 'traffic at the API');
    const counted = sum('counted', 'vs_protected');
    const plainCounts = sum('(none)', 'vs_plain');
    assert.equal(counted.connections, 3);
    assert.equal(counted.messages, 2);
    assert.equal(counted.recipients, 2);
    assert.ok(counted.bytes > 2 * 'Subject: one\r\n\r\nbody'.length);
    assert.equal(counted.alarmed, 1);
    assert.equal(counted.blocked, 1);
    assert.deepEqual(
      { ...plainCounts, bytes: plainCounts.bytes > 0 },
      { connections: 1, messages: 1, recipients: 1, alarmed: 0, blocked: 0, bytes: true },
    );
  });
});
