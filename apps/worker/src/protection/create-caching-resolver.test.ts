import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createDnsResolver } from '@portcullis/spf';
import { startLoopbackDns, type TLoopbackDns } from '../../test/helpers/loopback-dns.ts';
import { createCachingResolver } from './create-caching-resolver.ts';

describe('createCachingResolver', () => {
  let dns: TLoopbackDns;

  before(async () => {
    dns = await startLoopbackDns({
      'sender.example': { MX: [{ exchange: 'mx.sender.example', preference: 10 }] },
      'broken.example': 'servfail',
    });
  });

  after(async () => {
    await dns.close();
  });

  const fresh = () =>
    createCachingResolver(createDnsResolver({ servers: [dns.address], timeoutMs: 300, tries: 1 }));

  it('should ask once for answers and for "no such name", handing out copies', async () => {
    const resolver = fresh();
    const before = dns.queries;

    const [first, second] = await Promise.all([
      resolver.resolveMx('sender.example'),
      resolver.resolveMx('SENDER.example'),
    ]);
    first[0]!.exchange = 'changed';
    const third = await resolver.resolveMx('sender.example');
    const misses = await Promise.allSettled([
      resolver.resolveMx('nowhere.example'),
      resolver.resolveMx('nowhere.example'),
    ]);

    assert.deepEqual(second, [{ exchange: 'mx.sender.example', priority: 10 }]);
    assert.deepEqual(third, second);
    assert.deepEqual(misses.map((miss) => miss.status), ['rejected', 'rejected']);
    assert.equal(dns.queries - before, 2, 'one query per name');
  });

  it('should ask again after a failure', async () => {
    const resolver = fresh();
    const before = dns.queries;

    await assert.rejects(resolver.resolveMx('broken.example'), { code: 'ESERVFAIL' });
    await assert.rejects(resolver.resolveMx('broken.example'), { code: 'ESERVFAIL' });

    assert.equal(dns.queries - before, 2);
  });
});
