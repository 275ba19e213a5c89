import { startIcapServer } from '@portcullis/testkit';
import { execSync } from 'node:child_process';
const server = await startIcapServer();
process.stdout.write(execSync(`node /tmp/icapx/probe3.mjs ${server.port} 3000000 0; node /tmp/icapx/probe3.mjs ${server.port} 3000000 1`).toString());
await server.stop();
