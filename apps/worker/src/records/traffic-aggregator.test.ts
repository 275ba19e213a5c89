import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TrafficAggregator } from './traffic-aggregator.ts';

const MINUTE_0 = Date.UTC(2030, 0, 1, 12, 0, 0);
const MINUTE_MS = 60_000;

describe('TrafficAggregator', () => {
  it('should add deltas up per minute, security profile and virtual server', () => {
    let now = MINUTE_0 + 5_000;
    const traffic = new TrafficAggregator(() => now);
    const web = { securityProfile: 'strict', virtualServer: 'vs-mail' };

    traffic.add(web, { connections: 1, messages: 1, bytes: 1_000, recipients: 2 });
    traffic.add({ ...web, time: MINUTE_0 + 59_999 }, { messages: 1, bytes: 500, blocked: 1 });
    traffic.add({ ...web, virtualServer: 'vs-other' }, { connections: 1 });
    traffic.add({ ...web, time: new Date(MINUTE_0 + MINUTE_MS) }, { alarmed: 3 });
    traffic.add(web, { messages: -5, recipients: Number.NaN });
    now = MINUTE_0 + MINUTE_MS + 1;

    const complete = traffic.take({ isAll: false });
    const rest = traffic.take({ isAll: true });

    assert.deepEqual(complete, [
      {
        minute: '2030-01-01T12:00:00.000Z',
        securityProfile: 'strict',
        virtualServer: 'vs-mail',
        connections: 1,
        messages: 2,
        bytes: 1_500,
        recipients: 2,
        alarmed: 0,
        blocked: 1,
      },
      {
        minute: '2030-01-01T12:00:00.000Z',
        securityProfile: 'strict',
        virtualServer: 'vs-other',
        connections: 1,
        messages: 0,
        bytes: 0,
        recipients: 0,
        alarmed: 0,
        blocked: 0,
      },
    ]);
    assert.equal(rest.length, 1);
    assert.equal(rest[0]?.minute, '2030-01-01T12:01:00.000Z');
    assert.equal(rest[0]?.alarmed, 3);
    assert.deepEqual(traffic.take({ isAll: true }), [], 'taken rows are gone');
  });
});
