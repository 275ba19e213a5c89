import { spawnSync } from 'node:child_process';
import { cp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT, startProcess, type TStartedProcess } from '@portcullis/testkit';
import { BENCH_HELO } from './bench-world.ts';

const HARAKA_BIN = path.join(REPO_ROOT, 'node_modules/Haraka/bin/haraka');

/** What Haraka's checking plugins run on: the bench's DNS server and a Redis database. */
export interface THarakaChecks {
  // "127.0.0.1:port" of the loopback DNS server.
  dnsServer: string;
  redisDb: number;
}

// Haraka asks DNS for the client's reverse name and needs a plugin to accept
// recipients; this one answers both so the comparison measures relaying only. It is
// listed last, after any checking plugin, so their RCPT hooks run before its OK.
const ACCEPT_PLUGIN = `
exports.hook_lookup_rdns = function (next) { next(OK, '${BENCH_HELO}'); };
exports.hook_rcpt = function (next) { next(OK); };
`;

// With the checks on: the whole process resolves through the bench's DNS server (Haraka's
// spf plugin and helo.checks use node:dns's default resolver and take no server setting),
// and the loopback client counts as a public one, because the spf plugin never checks a
// private address and the benchmark's clients can only be on loopback.
const checkingAcceptPlugin = (dnsServer: string) => `
require('node:dns').setServers(['${dnsServer}']);
exports.hook_lookup_rdns = function (next, connection) {
  connection.remote.is_private = false;
  next(OK, '${BENCH_HELO}');
};
exports.hook_rcpt = function (next) { next(OK); };
`;

// The equivalents of the default security profile's checks (none of them refuses the
// benchmark's traffic): every HELO check Haraka ships (they only record unless told to
// reject), a private address checked like any other; concurrency and the per-host and
// per-sender rates in Redis, far above the load; SPF on HELO and MAIL FROM, a fail refused.
const HELO_CHECKS_INI = '[skip]\nprivate_ip=false\n';
const limitIni = (redisDb: number) => `[redis]
database=${redisDb}

[concurrency]
enabled=true
max=100000

[rate_rcpt_host]
enabled=true
default=100000000/1m

[rate_rcpt_sender]
enabled=true
default=100000000/1m
`;
const SPF_INI = '[main]\ndns_timeout=2\n\n[deny]\nmfrom_fail=true\nhelo_fail=true\n';

/**
 * Haraka relaying to the sink with smtp_forward, in one process, as the peer; with
 * `checks`, also running helo.checks, limit (on Redis) and spf.
 */
export async function startHaraka(
  port: number,
  sinkPort: number,
  dir: string,
  checks: THarakaChecks | null = null,
): Promise<TStartedProcess> {
  const init = spawnSync(process.execPath, [HARAKA_BIN, '-i', dir], { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`haraka -i failed: ${init.stderr}`);

  const config = path.join(dir, 'config');
  await cp(path.join(REPO_ROOT, 'node_modules/Haraka/config/connection.ini'), path.join(config, 'connection.ini'));
  await writeFile(path.join(config, 'smtp.ini'), `listen=127.0.0.1:${port}\nnodes=0\n`);
  await writeFile(path.join(config, 'log.ini'), '[main]\nlevel=error\n');
  const checking = checks ? 'helo.checks\nlimit\nspf\n' : '';
  await writeFile(path.join(config, 'plugins'), `${checking}bench_accept\nqueue/smtp_forward\n`);
  await writeFile(
    path.join(config, 'smtp_forward.ini'),
    `host=127.0.0.1\nport=${sinkPort}\nenable_outbound=false\n`,
  );
  const plugin = checks ? checkingAcceptPlugin(checks.dnsServer) : ACCEPT_PLUGIN;
  await writeFile(path.join(dir, 'plugins', 'bench_accept.js'), plugin);
  if (checks) {
    await writeFile(path.join(config, 'helo.checks.ini'), HELO_CHECKS_INI);
    await writeFile(path.join(config, 'limit.ini'), limitIni(checks.redisDb));
    await writeFile(path.join(config, 'spf.ini'), SPF_INI);
  }

  return startProcess('haraka', process.execPath, [HARAKA_BIN, '-c', dir], {}, dir);
}
