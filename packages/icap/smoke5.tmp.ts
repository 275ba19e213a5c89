import { writeFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { startIcapServer } from '@portcullis/testkit';
import { createIcapClient } from './src/index.ts';
const server = await startIcapServer();
const line = 'The quick brown fox jumps over the lazy dog, again and again and again.\r\n';
const msg = Buffer.from('From: a@b\r\n\r\n' + line.repeat(1400));
writeFileSync('/tmp/icapx/100k.eml', msg);
let t = Date.now();
execSync(`for i in $(seq 1 100); do c-icap-client -i 127.0.0.1 -p ${server.port} -s avscan -f /tmp/icapx/100k.eml >/dev/null 2>&1; done`);
process.stdout.write(`c-icap-client sequential 100: ${Date.now() - t} ms\n`);
const client = createIcapClient({ ...server, maxConnections: 4 });
await client.scan(msg);
for (const size of [1000, 10_000, 100_000]) {
  const m = msg.subarray(0, size);
  t = Date.now(); for (let i = 0; i < 100; i++) await client.scan(m);
  process.stdout.write(`client sequential 100 x ${size}: ${Date.now() - t} ms\n`);
}
const echo = createIcapClient({ ...server, service: 'echo', maxConnections: 4 });
t = Date.now(); for (let i = 0; i < 100; i++) await echo.scan(msg);
process.stdout.write(`echo sequential 100: ${Date.now() - t} ms\n`);
await client.close(); await echo.close();
await server.stop();
