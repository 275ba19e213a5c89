// Protocol Security end to end: a security profile made through the API, assigned to a
// service profile of a virtual server, enforced by the worker on a real SMTP client, and
// the refusal's Support ID found again through the API.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { VIOLATION_NAMES } from '@portcullis/contracts';
import {
  findFreePort,
  startCaptureBackend,
  startStack,
  type TCaptureBackend,
  type TStack,
} from '@portcullis/testkit';

// Python's smtplib: an independent, real SMTP client that can send VRFY and a message in
// one session. Prints what the server answered, as JSON.
const CLIENT = `
import json, smtplib, sys
port = int(sys.argv[1])
with smtplib.SMTP('127.0.0.1', port, local_hostname='client.e2e.example', timeout=10) as smtp:
    smtp.ehlo()
    vrfy = smtp.verify('bob@protected.example')
    refused = smtp.sendmail('alice@sender.example', ['bob@protected.example'],
        'Subject: protected flow\\r\\n\\r\\nHello through a security profile.\\r\\n')
    print(json.dumps({'vrfy': [vrfy[0], vrfy[1].decode()], 'refused': refused}))
`;

function runClient(port: number): Promise<{ vrfy: [number, string]; refused: object }> {
  return new Promise((resolve, reject) => {
    execFile('python3', ['-c', CLIENT, String(port)], { timeout: 20_000 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`smtplib client failed: ${stderr || error.message}`));

      resolve(JSON.parse(stdout));
    });
  });
}

async function waitForViolation(stack: TStack, supportId: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await stack.client.request('GET', `/api/v1/violations/${supportId}`);
    } catch (error) {
      if ((error as { status?: number }).status !== 404 || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

describe('a security profile through the API, enforced by the worker', () => {
  let stack: TStack;
  let member: TCaptureBackend;
  let smtpPort: number;

  before(async () => {
    stack = await startStack();
    member = await startCaptureBackend();
    smtpPort = await findFreePort();

    // Only the disallowed-methods check: the others (DNS, greylisting) need a world this
    // test does not build.
    const actions = Object.fromEntries(
      VIOLATION_NAMES.map((name) => [name, { alarm: false, block: false }]),
    );
    await stack.client.request('POST', '/api/v1/security-profiles', {
      name: 'vrfy_guard',
      actions: { ...actions, disallowed_method: { alarm: true, block: true } },
      settings: { methods: { disallowed: ['VRFY'] } },
    });
    await stack.client.request('POST', '/api/v1/service-profiles', {
      name: 'smtp_guarded',
      protocolSecurity: true,
    });
    await stack.client.request('PUT', '/api/v1/profile-assignments/smtp', {
      assignments: [{ serviceProfile: 'smtp_guarded', securityProfile: 'vrfy_guard' }],
    });
    await stack.client.request('POST', '/api/v1/pools', {
      name: 'guarded_pool',
      members: [{ nodeName: 'guarded_member', address: '127.0.0.1', servicePort: member.port }],
    });
    await stack.client.request('POST', '/api/v1/virtual-servers', {
      name: 'vs_guarded',
      destinationAddress: '127.0.0.1',
      servicePort: smtpPort,
      serviceProfile: 'smtp_guarded',
      defaultPool: 'guarded_pool',
    });
    await stack.waitForWorkersInSync();
  });

  after(async () => {
    await stack?.stop();
    await member?.stop();
  });

  it('should refuse VRFY with a Support ID the API finds, and still deliver the message', async () => {
    const assignments = await stack.client.request('GET', '/api/v1/profile-assignments');
    const smtp = assignments.protocols.find((group: { protocol: string }) => group.protocol === 'SMTP');
    const row = smtp.rows.find((item: { serviceProfile: string }) => item.serviceProfile === 'smtp_guarded');
    assert.deepEqual(
      { securityProfile: row.securityProfile, protocolSecurity: row.protocolSecurity, vs: row.virtualServers },
      { securityProfile: 'vrfy_guard', protocolSecurity: true, vs: ['vs_guarded'] },
    );

    const session = await runClient(smtpPort);

    const [code, text] = session.vrfy;
    assert.equal(code, 502);
    const supportId = /\(Support ID: (\w{5}-\w{5})\)/.exec(text)?.[1];
    assert.ok(supportId, `a Support ID in "${text}"`);
    assert.deepEqual(session.refused, {}, 'the message was accepted for its recipient');
    assert.equal(member.messages.length, 1);
    assert.match(member.messages[0]?.data.toString() ?? '', /Hello through a security profile/);

    const violation = await waitForViolation(stack, supportId);
    assert.equal(violation.supportId, supportId);
    assert.equal(violation.violation, 'disallowed_method');
    assert.equal(violation.action, 'ALARM_BLOCK');
    assert.equal(violation.protocol, 'SMTP');
    assert.equal(violation.virtualServer, 'vs_guarded');
    assert.equal(violation.serviceProfile, 'smtp_guarded');
    assert.equal(violation.securityProfile, 'vrfy_guard');
    assert.equal(violation.clientAddress, '127.0.0.1');
    assert.equal(violation.helo, 'client.e2e.example');
    // smtplib spells it in lower case: matched all the same.
    assert.equal(violation.command, 'vrfy bob@protected.example');
    assert.equal(violation.reply, `502 ${text}`);
    assert.equal(violation.workerId, 'test-worker-0');
  });
});
