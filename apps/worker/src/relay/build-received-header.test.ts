import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildReceivedHeader, type TReceivedInfo } from './build-received-header.ts';

const INFO: TReceivedInfo = {
  helo: 'mx.sender.example',
  clientAddress: '192.0.2.7',
  gatewayName: 'gw.example.net',
  protocol: 'ESMTP',
  id: 'abc.1',
  recipient: 'bob@example.com',
};

function firstLine(info: Partial<TReceivedInfo>): string {
  return buildReceivedHeader({ ...INFO, ...info }).toString('utf8').split('\r\n')[0] ?? '';
}

describe('buildReceivedHeader', () => {
  it('should name the client as it said and as it connected', () => {
    assert.equal(firstLine({}), 'Received: from mx.sender.example ([192.0.2.7])');
    assert.equal(firstLine({ helo: '[192.0.2.7]' }), 'Received: from [192.0.2.7] ([192.0.2.7])');
    const v6 = firstLine({ helo: '', clientAddress: '2001:db8::1' });
    assert.equal(v6, 'Received: from [IPv6:2001:db8::1] ([IPv6:2001:db8::1])');
  });

  it('should not let a HELO name forge a comment or carry 8-bit text into the header', () => {
    const forged = firstLine({ helo: 'mx.trusted.example([10.0.0.5])' });
    assert.equal(forged, 'Received: from mx.trusted.example?[10.0.0.5]? ([192.0.2.7])');
    assert.equal(firstLine({ helo: 'héllo.example' }), 'Received: from h?llo.example ([192.0.2.7])');
  });
});
