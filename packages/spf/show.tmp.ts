import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
const [file, ...names] = process.argv.slice(2);
const docs = parseAllDocuments(readFileSync('/work/shared/conformance/spf/' + file, 'utf8')).map((d: any) => d.toJS());
for (const doc of docs) { if (!doc) continue;
  for (const n of names) if (doc.tests[n]) { const t = doc.tests[n]; console.log('##', n, JSON.stringify({helo:t.helo, host:t.host, mailfrom:t.mailfrom, result:t.result, exp: t.explanation, spec: t.spec}));
    const dom = String(t.mailfrom).split('@').pop()!.toLowerCase() || String(t.helo).toLowerCase();
    for (const [k, v] of Object.entries(doc.zonedata)) if (k.toLowerCase() === dom || JSON.stringify(doc.zonedata[dom] ?? doc.zonedata[Object.keys(doc.zonedata).find(x=>x.toLowerCase()===dom)!] ?? '').toLowerCase().includes(k.toLowerCase())) console.log('   ', k, JSON.stringify(v));
  }
}
