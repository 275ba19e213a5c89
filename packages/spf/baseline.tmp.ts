import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { spf } from 'mailauth/lib/spf/index.js';
import { createDnsResolver } from '/work/main/packages/spf/src/dns/create-dns-resolver.ts';
import { startLoopbackDnsServer } from '/work/main/packages/spf/test/support/loopback-dns-server.ts';
import { buildScenarioZone, createScenarioHandler } from '/work/main/packages/spf/test/support/openspf-zone.ts';
import dns from 'node:dns';

const useNode = process.argv[3] === 'node';
for (const file of ['rfc7208-tests.yml', 'rfc4408-tests.yml']) {
  const docs = parseAllDocuments(readFileSync('/work/shared/conformance/spf/' + file, 'utf8')).map((d: any) => d.toJS());
  let pass = 0, total = 0; const fails: string[] = [];
  for (const doc of docs) {
    if (!doc) continue;
    const server = await startLoopbackDnsServer(createScenarioHandler(buildScenarioZone(doc.zonedata)));
    const resolver = createDnsResolver({ servers: [server.address], timeoutMs: 300, tries: 1 });
    const nr = new dns.promises.Resolver({ timeout: 300, tries: 1 }); nr.setServers([server.address]);
    await Promise.all(Object.entries(doc.tests).map(async ([name, t]: [string, any]) => {
      const r = await spf({ ip: String(t.host), helo: String(t.helo), sender: String(t.mailfrom), mta: 'receiver.example',
        resolver: (useNode ? (n: string, ty: string) => (nr as any).resolve(n, ty) : (n: string, ty: any) => resolver.resolve(n, ty)) as any });
      const exp = [].concat(t.result); total++;
      if (exp.includes(r.status.result as never)) pass++; else fails.push(`${name}: expected ${exp} got ${r.status.result} (${r.status.comment})`);
    }));
    await server.close();
  }
  console.log(file, pass, total, (100*pass/total).toFixed(1)); console.log(fails.join('\n'));
}
