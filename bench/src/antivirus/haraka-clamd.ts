// Haraka with its clamd plugin as the anti-virus peer: it streams each message to clamd
// (INSTREAM over clamd's unix socket) before queueing it to the sink with smtp_forward.
import { spawnSync } from 'node:child_process';
import { cp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT, startProcess, type TStartedProcess } from '@portcullis/testkit';

const HARAKA_BIN = path.join(REPO_ROOT, 'node_modules/Haraka/bin/haraka');

// Accepts every recipient and skips the reverse lookup, so only the scan and the relay
// are measured; listed before clamd, whose hooks run at the end of the data.
const ACCEPT_PLUGIN = `
exports.hook_lookup_rdns = function (next) { next(OK, 'localhost'); };
exports.hook_rcpt = function (next) { next(OK); };
`;

// Loopback clients are private and local: the plugin scans them only when told to
// (its defaults do). A virus is refused, scanner trouble deferred, as Portcullis does
// with Guarantee Enforcement on.
const clamdIni = (socketPath: string) => `[main]
clamd_socket=${socketPath}
timeout=30
connect_timeout=10

[check]
private_ip=true
local_ip=true

[reject]
virus=true
error=true
UNOFFICIAL=true
`;

export async function startHarakaClamd(
  port: number,
  sinkPort: number,
  clamdSocket: string,
  dir: string,
): Promise<TStartedProcess> {
  const init = spawnSync(process.execPath, [HARAKA_BIN, '-i', dir], { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`haraka -i failed: ${init.stderr}`);

  const config = path.join(dir, 'config');
  const connectionIni = path.join(REPO_ROOT, 'node_modules/Haraka/config/connection.ini');
  await cp(connectionIni, path.join(config, 'connection.ini'));
  await writeFile(path.join(config, 'smtp.ini'), `listen=127.0.0.1:${port}\nnodes=0\n`);
  await writeFile(path.join(config, 'log.ini'), '[main]\nlevel=error\n');
  await writeFile(path.join(config, 'plugins'), 'bench_accept\nclamd\nqueue/smtp_forward\n');
  await writeFile(path.join(config, 'clamd.ini'), clamdIni(clamdSocket));
  await writeFile(
    path.join(config, 'smtp_forward.ini'),
    `host=127.0.0.1\nport=${sinkPort}\nenable_outbound=false\n`,
  );
  await writeFile(path.join(dir, 'plugins', 'bench_accept.js'), ACCEPT_PLUGIN);

  return startProcess('haraka-clamd', process.execPath, [HARAKA_BIN, '-c', dir], {}, dir);
}
