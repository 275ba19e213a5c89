import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { findFreePort, startCaptureBackend, startStack, type TCaptureBackend, type TStack } from '@portcullis/testkit';
import { buildRawMessage, sendRawMessage } from './send-mail.ts';

const RECEIVED_HEADER = /^Received: [^\r\n]*\r\n(?:[ \t][^\r\n]*\r\n)*/;

// Strips the gateway's own Received header, leaving what the client sent.
function withoutGatewayTrace(data: Buffer): string {
  const text = data.toString('utf8');
  assert.match(text, RECEIVED_HEADER, 'the gateway adds a Received header');

  return text.replace(RECEIVED_HEADER, '');
}

describe('mail flow through a virtual server to a pool', () => {
  let stack: TStack;
  let memberA: TCaptureBackend;
  let memberB: TCaptureBackend;
  let smtpPort: number;

  before(async () => {
    stack = await startStack();
    memberA = await startCaptureBackend();
    memberB = await startCaptureBackend({ unknownRecipients: ['nobody@protected.example'] });
    smtpPort = await findFreePort();

    await stack.client.request('POST', '/api/v1/pools', {
      name: 'mail_pool',
      loadBalancingMethod: 'ROUND_ROBIN',
      monitorIntervalSec: 1,
      monitorTimeoutSec: 3,
      members: [
        { nodeName: 'mail_a', address: '127.0.0.1', servicePort: memberA.port },
        { nodeName: 'mail_b', address: '127.0.0.1', servicePort: memberB.port },
      ],
    });
    await stack.client.request('POST', '/api/v1/virtual-servers', {
      name: 'vs_smtp',
      destinationAddress: '127.0.0.1',
      servicePort: smtpPort,
      defaultPool: 'mail_pool',
    });
    await stack.waitForWorkersInSync();
  });

  after(async () => {
    await stack?.stop();
    await memberA?.stop();
    await memberB?.stop();
  });

  it('should deliver each message byte for byte, spread over both members', async () => {
    const sent = new Map<string, string>();
    for (let i = 0; i < 6; i += 1) {
      const id = `flow-${i}`;
      const raw = buildRawMessage(id);
      const envelope = { from: 'alice@sender.example', to: ['bob@protected.example'] };
      const result = await sendRawMessage(smtpPort, envelope, raw);
      assert.equal(result.isAccepted, true, result.response);
      sent.set(id, raw);
    }

    const received = [...memberA.messages, ...memberB.messages];
    assert.equal(received.length, 6);
    assert.ok(memberA.messages.length >= 2 && memberB.messages.length >= 2, 'round robin uses both members');
    for (const message of received) {
      const body = withoutGatewayTrace(message.data);
      const id = /Subject: message (\S+)/.exec(body)?.[1] ?? '';
      assert.equal(body, sent.get(id), `message ${id} arrives unchanged`);
      assert.equal(message.mailFrom, 'alice@sender.example');
      assert.deepEqual(message.rcptTo, ['bob@protected.example']);
    }
  });

  it('should show the virtual server listening and both members up', async () => {
    const deadline = Date.now() + 5000;
    let pool: any;
    while (Date.now() < deadline) {
      pool = (await stack.client.request('GET', '/api/v1/pools')).items[0];
      if (pool.members.every((m: any) => m.status === 'up')) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.deepEqual(pool.members.map((m: any) => m.status), ['up', 'up']);
    const [vs] = (await stack.client.request('GET', '/api/v1/virtual-servers')).items;
    assert.equal(vs.status, 'listening');
  });

  it('should fail over when a member stops, then answer 4xx with none left', async () => {
    await memberA.stop();
    const before = memberB.messages.length;
    const accepted: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const id = `failover-${i}`;
      const result = await sendRawMessage(
        smtpPort,
        { from: 'alice@sender.example', to: ['bob@protected.example'] },
        buildRawMessage(id),
      );
      assert.equal(result.isAccepted, true, `message ${id} is accepted through the other member`);
      accepted.push(id);
    }
    assert.equal(memberB.messages.length - before, accepted.length, 'every accepted message reached member B');

    const countBeforeOutage = memberB.messages.length;
    await memberB.stop();
    const refused = await sendRawMessage(
      smtpPort,
      { from: 'alice@sender.example', to: ['bob@protected.example'] },
      buildRawMessage('outage'),
    );
    assert.equal(refused.isAccepted, false);
    assert.ok(refused.responseCode && refused.responseCode >= 400 && refused.responseCode < 500,
      `a temporary failure, got ${refused.responseCode} ${refused.response}`);
    assert.equal(memberB.messages.length, countBeforeOutage, 'nothing was delivered during the outage');
  });
});
