// `npm run bench`: every benchmark, one table each. `--smtp`, `--antivirus` or `--statistics`
// (the scripts bench:smtp, bench:antivirus and bench:statistics) runs one alone.
//   smtp:       SMTP relay throughput against smtp-sink and Haraka (smtp-bench.ts)
//   antivirus:  scanning throughput, Portcullis with c-icap and clamd beside Haraka's clamd
//               plugin (antivirus/run-antivirus-bench.ts)
//   statistics: statistics and dashboard queries on a month of records
//               (statistics/run-statistics-bench.ts)
import { runAntivirusBench } from './antivirus/run-antivirus-bench.ts';
import { runSmtpBench } from './smtp-bench.ts';
import { runStatisticsBench } from './statistics/run-statistics-bench.ts';

const BENCHES = {
  smtp: runSmtpBench,
  antivirus: runAntivirusBench,
  statistics: runStatisticsBench,
};

async function main() {
  const asked = process.argv.slice(2).map((arg) => arg.replace(/^--/, ''));
  const unknown = asked.filter((name) => !(name in BENCHES));
  if (unknown.length > 0) {
    const known = Object.keys(BENCHES).map((name) => `--${name}`).join(', ');
    throw new Error(`unknown benchmark ${unknown.join(', ')}; use one of ${known}`);
  }

  const names = asked.length > 0 ? asked : Object.keys(BENCHES);
  for (const [index, name] of names.entries()) {
    if (index > 0) process.stdout.write('\n');
    await BENCHES[name as keyof typeof BENCHES]();
  }
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error.stack ?? error}\n`);
  process.exit(1);
});
