import { spawnSync } from 'node:child_process';
import { cp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT, startProcess, type TStartedProcess } from '@portcullis/testkit';

const HARAKA_BIN = path.join(REPO_ROOT, 'node_modules/Haraka/bin/haraka');

// Haraka asks DNS for the client's reverse name and needs a plugin to accept
// recipients; this one answers both so the comparison measures relaying only.
const ACCEPT_PLUGIN = `
exports.hook_lookup_rdns = function (next) { next(OK, 'localhost'); };
exports.hook_rcpt = function (next) { next(OK); };
`;

/** Haraka relaying to the sink with smtp_forward, in one process, as the peer. */
export async function startHaraka(port: number, sinkPort: number, dir: string): Promise<TStartedProcess> {
  const init = spawnSync(process.execPath, [HARAKA_BIN, '-i', dir], { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`haraka -i failed: ${init.stderr}`);

  const config = path.join(dir, 'config');
  await cp(path.join(REPO_ROOT, 'node_modules/Haraka/config/connection.ini'), path.join(config, 'connection.ini'));
  await writeFile(path.join(config, 'smtp.ini'), `listen=127.0.0.1:${port}\nnodes=0\n`);
  await writeFile(path.join(config, 'log.ini'), '[main]\nlevel=error\n');
  await writeFile(path.join(config, 'plugins'), 'bench_accept\nqueue/smtp_forward\n');
  await writeFile(
    path.join(config, 'smtp_forward.ini'),
    `host=127.0.0.1\nport=${sinkPort}\nenable_outbound=false\n`,
  );
  await writeFile(path.join(dir, 'plugins', 'bench_accept.js'), ACCEPT_PLUGIN);

  return startProcess('haraka', process.execPath, [HARAKA_BIN, '-c', dir], {}, dir);
}
