// RFC 3207 4: nothing a client sends behind STARTTLS, before the handshake, may count
// (CVE-2011-0411: commands injected into the plaintext ran inside the TLS session).
import assert from 'node:assert/strict';
import tls from 'node:tls';
import { after, before, describe, it } from 'node:test';
import type { TSnapshotSecurityProfile } from '@portcullis/contracts';
import { makeCertificate } from '../helpers/certificate.ts';
import { expectAlarmed } from '../helpers/expect-violation.ts';
import { ALICE, BOB, sendTransaction } from '../helpers/mail-session.ts';
import { startProtectedWorker, type THarness } from '../helpers/protected-worker.ts';
import { openSession, RawSmtpClient } from '../helpers/smtp-client.ts';
import { ALARM, profileWith } from '../helpers/snapshot.ts';

const INJECTED =
  'STARTTLS\r\nMAIL FROM:<evil@attacker.example>\r\nRCPT TO:<victim@protected.example>\r\n';

describe('STARTTLS', () => {
  let harness: THarness;
  const certificate = makeCertificate();

  before(async () => {
    harness = await startProtectedWorker();
  });

  after(async () => {
    await harness.stop();
  });

  async function injectBehindStartTls(profile: TSnapshotSecurityProfile | null) {
    const port = await harness.serve(profile, { tls: certificate });
    const plain = await openSession(port);

    await plain.write(INJECTED);
    const ready = await plain.read();
    const unanswered = await plain.readWithin(150);
    plain.socket.removeAllListeners('data');
    const secure = tls.connect({ socket: plain.socket, rejectUnauthorized: false });
    await new Promise((resolve) => secure.once('secureConnect', resolve));
    const client = RawSmtpClient.wrap(secure);
    const stray = await client.readWithin(100);
    const mailBeforeEhlo = await client.command('MAIL FROM:<alice@sender.example>');
    const ehlo = await client.command('EHLO client.test');
    const replies = await sendTransaction(client, ALICE, [BOB]);
    client.close();

    return { ready, unanswered, stray, mailBeforeEhlo, ehlo, replies };
  }

  for (const [label, profile] of [
    ['without Protocol Security', null],
    ['with Protocol Security', profileWith('tls_alarm', { rfc_unauthorized_pipelining: ALARM })],
  ] as const) {
    it(`should drop commands pipelined behind STARTTLS ${label}`, async () => {
      const since = harness.api.violations.length;

      const session = await injectBehindStartTls(profile);

      assert.equal(session.ready.code, 220);
      assert.equal(session.unanswered, null, 'no reply to the injected commands in plaintext');
      assert.equal(session.stray, null, 'no reply to them inside TLS either');
      assert.equal(session.mailBeforeEhlo.code, 503, 'the TLS session starts without HELO');
      assert.equal(session.ehlo.code, 250);
      assert.equal(session.replies.mail.code, 250, 'no MAIL from before the handshake is open');
      assert.equal(session.replies.end?.code, 250);
      const message = harness.backend.messages.at(-1);
      assert.equal(message?.mailFrom, ALICE);
      assert.deepEqual(message?.rcptTo, [BOB]);
      assert.match(message?.data.toString() ?? '', /with ESMTPS id/);
      if (!profile) return;

      const record = await expectAlarmed(harness, 'rfc_unauthorized_pipelining', since);
      const note = record.details?.note ?? '';
      assert.match(note, /2 command line\(s\) sent behind STARTTLS were dropped/);
    });
  }
});
