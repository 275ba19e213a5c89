import { readFileSync } from 'node:fs';
import { startIcapServer } from '@portcullis/testkit';
import { createIcapClient, scanMessage } from './src/index.ts';
const server = await startIcapServer();
const client = createIcapClient({ host: server.host, port: server.port, service: server.service, timeoutMs: 5000, maxConnections: 4 });
const out = (x: unknown) => process.stdout.write(JSON.stringify(x) + '\n');
for (const f of ['eicar.bin', 'm-clean.eml', 'm-b64.eml', 'm-nested.eml', 'm-zip.eml', 'evade.eml']) {
  out([f, await client.scan(`/tmp/icapx/${f}`), await client.scan(readFileSync(`/tmp/icapx/${f}`))]);
}
out(['evade msg', await scanMessage(client, '/tmp/icapx/evade.eml')]);
out(await client.serviceOptions());
out(client.stats());
const echo = createIcapClient({ host: server.host, port: server.port, service: 'echo', useAllow204: false });
out(['echo', await echo.scan(readFileSync('/tmp/icapx/m-b64.eml')), await echo.scan(Buffer.alloc(3_000_000, 65))]);
out(echo.stats());
await server.stopClamd();
out(['noclamd', await client.scan(readFileSync('/tmp/icapx/eicar.bin'))]);
await server.startClamd();
out(['clamd back', await client.scan(readFileSync('/tmp/icapx/eicar.bin'))]);
await server.stop();
out(['down', await client.scan(readFileSync('/tmp/icapx/eicar.bin'))]);
out(client.stats());
await client.close(); await echo.close();
