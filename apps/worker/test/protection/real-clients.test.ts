// The checks against real SMTP clients: swaks (Perl's Net::SMTP-based tester) and
// nodemailer, each speaking its own SMTP.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import nodemailer from 'nodemailer';
import { TEST_ZONE } from '../helpers/dns-zone.ts';
import { ALICE, BOB } from '../helpers/mail-session.ts';
import { startProtectedWorker, type THarness } from '../helpers/protected-worker.ts';
import { ALARM, BLOCK, profileWith } from '../helpers/snapshot.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function swaks(port: number, from: string, to: string): Promise<{ code: number; output: string }> {
  const args = [
    '--server', '127.0.0.1', '--port', String(port), '--helo', 'client.example',
    '--from', from, '--to', to, '--header', 'Subject: through swaks', '--body', 'Hello.',
    '--timeout', '10',
  ];

  return new Promise((resolve) => {
    execFile('swaks', args, { timeout: 20_000 }, (error, stdout, stderr) => {
      const code = error ? Number((error as { code?: number }).code ?? 1) : 0;
      resolve({ code, output: `${stdout}${stderr}` });
    });
  });
}

describe('real clients through a protected virtual server', () => {
  let harness: THarness;

  before(async () => {
    harness = await startProtectedWorker({ zone: TEST_ZONE });
  });

  after(async () => {
    await harness.stop();
  });

  it('should greylist swaks at first, then deliver its retry with Received-SPF', async () => {
    const port = await harness.serve(profileWith('swaks', {
      greylisted: BLOCK, spf_fail: BLOCK, sender_domain_unresolvable: BLOCK,
    }, { greylisting: { holdSeconds: 1 } }));
    const before = harness.backend.messages.length;

    const first = await swaks(port, 'swaks@sender.example', BOB);
    await sleep(1_100);
    const retry = await swaks(port, 'swaks@sender.example', BOB);
    const spoofed = await swaks(port, 'swaks@fail.example', BOB);

    assert.notEqual(first.code, 0);
    const greylisted = /<\*\* 451 4\.7\.1 Greylisted, please try again later \(Support ID: /;
    assert.match(first.output, greylisted);
    assert.equal(retry.code, 0, retry.output);
    assert.match(spoofed.output, /<\*\* 550 5\.7\.23 SPF check failed \(Support ID: \w{5}-\w{5}\)/);
    assert.equal(harness.backend.messages.length, before + 1);
    const message = harness.backend.messages.at(-1);
    assert.match(message?.data.toString() ?? '', /^Received-SPF: pass .*Subject: through swaks/s);
  });

  it('should let nodemailer deliver to the recipients a closed relay accepts', async () => {
    const actions = { relay_denied: BLOCK, rfc_syntax: ALARM };
    const port = await harness.serve(profileWith('nodemailer', actions, {
      validation: { protectedDomains: ['protected.example'] },
    }));
    const transport = nodemailer.createTransport({
      host: '127.0.0.1', port, ignoreTLS: true, name: 'client.example',
    });

    const info = await transport.sendMail({
      envelope: { from: ALICE, to: [BOB, 'eve@elsewhere.example'] },
      raw: 'Subject: through nodemailer\r\n\r\nHello.\r\n',
    });
    transport.close();

    assert.deepEqual(info.accepted, [BOB]);
    assert.deepEqual(info.rejected, ['eve@elsewhere.example']);
    const errors = JSON.stringify(info.rejectedErrors);
    assert.match(errors, /550 5\.7\.1 Relay access denied \(Support ID/);
    assert.deepEqual(harness.backend.messages.at(-1)?.rcptTo, [BOB]);
  });
});
