// Runs every case of the OpenSPF suites for RFC 7208 and RFC 4408 through checkSpf with our
// resolver, against a loopback DNS server serving each scenario's zone. A suite fails when its
// pass rate drops below the floor reached so far.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { checkSpf, createDnsResolver } from '../src/index.ts';
import { startLoopbackDnsServer } from './support/loopback-dns-server.ts';
import {
  findSuiteDir,
  loadOpenSpfSuite,
  type OpenSpfScenario,
} from './support/load-openspf-suite.ts';
import { buildScenarioZone, createScenarioHandler } from './support/openspf-zone.ts';

/** Pass rates reached (percent, rounded down); a drop below them fails the suite. */
const FLOOR_PERCENT: Record<string, number> = {
  'rfc7208-tests.yml': 100,
  'rfc4408-tests.yml': 100,
};

/** Short, so the TIMEOUT cases stay cheap; scenarios run this many at a time. */
const DNS_TIMEOUT_MS = 300;
const SCENARIO_CONCURRENCY = 8;

interface CaseOutcome {
  name: string;
  expected: string[];
  actual: string;
  /** The engine's reason for an error result, to tell a DNS timeout from a wrong verdict. */
  problem?: string;
  isPass: boolean;
  explanationNote?: string;
}

async function runScenario(scenario: OpenSpfScenario): Promise<CaseOutcome[]> {
  const zone = buildScenarioZone(scenario.zonedata);
  const server = await startLoopbackDnsServer(createScenarioHandler(zone));
  const resolver = createDnsResolver({
    servers: [server.address],
    timeoutMs: DNS_TIMEOUT_MS,
    tries: 1,
  });

  try {
    return await Promise.all(
      scenario.cases.map(async (testCase) => {
        const check = await checkSpf({
          ip: testCase.host,
          helo: testCase.helo,
          mailFrom: testCase.mailfrom,
          resolver,
          receiver: 'receiver.example.com',
        });

        // pyspf's driver sets the default explanation to "DEFAULT"; we return none instead.
        const explanation = check.explanation ?? 'DEFAULT';
        const wanted = testCase.explanation;
        const isExplanationOff = wanted !== undefined && wanted !== explanation;
        const note = `want ${JSON.stringify(wanted)}, got ${JSON.stringify(explanation)}`;

        return {
          name: testCase.name,
          expected: testCase.results,
          actual: check.result,
          ...(check.problem === undefined ? {} : { problem: check.problem }),
          isPass: testCase.results.includes(check.result),
          ...(isExplanationOff ? { explanationNote: note } : {}),
        };
      }),
    );
  } finally {
    await server.close();
  }
}

async function runInBatches<T, R>(items: T[], size: number, run: (item: T) => Promise<R>) {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) {
    results.push(...(await Promise.all(items.slice(start, start + size).map(run))));
  }

  return results;
}

function report(t: TestContext, suite: string, outcomes: CaseOutcome[]): number {
  const passed = outcomes.filter((outcome) => outcome.isPass).length;
  const percent = (100 * passed) / outcomes.length;
  t.diagnostic(`${suite}: ${passed}/${outcomes.length} (${percent.toFixed(1)}%)`);

  for (const outcome of outcomes.filter((item) => !item.isPass)) {
    const expected = outcome.expected.join('|');
    const reason = outcome.problem ? ` (${outcome.problem})` : '';
    t.diagnostic(`  FAIL ${outcome.name}: expected ${expected}, got ${outcome.actual}${reason}`);
  }
  for (const outcome of outcomes.filter((item) => item.explanationNote)) {
    t.diagnostic(`  explanation (not scored) ${outcome.name}: ${outcome.explanationNote}`);
  }

  return percent;
}

describe('OpenSPF conformance', () => {
  const suiteDir = findSuiteDir();

  for (const suite of Object.keys(FLOOR_PERCENT)) {
    it(`should pass at least ${FLOOR_PERCENT[suite]}% of ${suite}`, async (t) => {
      const scenarios = loadOpenSpfSuite(path.join(suiteDir, suite));
      const outcomes = (await runInBatches(scenarios, SCENARIO_CONCURRENCY, runScenario)).flat();
      assert.ok(outcomes.length > 100, `only ${outcomes.length} cases read from ${suite}`);

      const percent = report(t, suite, outcomes);

      assert.ok(
        percent >= (FLOOR_PERCENT[suite] ?? 100),
        `${suite} pass rate ${percent.toFixed(1)}% is below the floor of ${FLOOR_PERCENT[suite]}%`,
      );
    });
  }
});
