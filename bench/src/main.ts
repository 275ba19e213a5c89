// `npm run bench`: both benchmarks, one table each. `--smtp` or `--statistics`
// (the scripts bench:smtp and bench:statistics) runs one alone.
//   smtp:       SMTP relay throughput against smtp-sink and Haraka (smtp-bench.ts)
//   statistics: statistics and dashboard queries on a month of records
//               (statistics/run-statistics-bench.ts)
import { runSmtpBench } from './smtp-bench.ts';
import { runStatisticsBench } from './statistics/run-statistics-bench.ts';

const BENCHES = { smtp: runSmtpBench, statistics: runStatisticsBench };

async function main() {
  const asked = process.argv.slice(2).map((arg) => arg.replace(/^--/, ''));
  const unknown = asked.filter((name) => !(name in BENCHES));
  if (unknown.length > 0) {
    throw new Error(`unknown benchmark ${unknown.join(', ')}; use --smtp or --statistics`);
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
