// Reads an OpenSPF YAML suite (format: /work/shared/conformance/spf/SOURCE.md).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

export interface OpenSpfCase {
  name: string;
  helo: string;
  host: string;
  mailfrom: string;
  /** Accepted results. */
  results: string[];
  explanation?: string;
}

export interface OpenSpfScenario {
  description: string;
  cases: OpenSpfCase[];
  zonedata: Record<string, unknown[]>;
}

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** SPF_CONFORMANCE_DIR when set, else ../shared/conformance/spf next to the repository. */
export function findSuiteDir(): string {
  const fromEnv = process.env.SPF_CONFORMANCE_DIR;
  const dir = fromEnv || path.resolve(REPO_ROOT, '../shared/conformance/spf');
  if (!existsSync(dir)) {
    throw new Error(`OpenSPF suites not found in ${dir}; set SPF_CONFORMANCE_DIR to their folder`);
  }

  return dir;
}

export function loadOpenSpfSuite(file: string): OpenSpfScenario[] {
  const documents = parseAllDocuments(readFileSync(file, 'utf8'));

  return documents
    .map((document) => document.toJS() as Record<string, unknown> | null)
    .filter((scenario): scenario is Record<string, unknown> => scenario !== null)
    .map((scenario) => ({
      description: String(scenario.description ?? ''),
      zonedata: (scenario.zonedata ?? {}) as Record<string, unknown[]>,
      cases: Object.entries((scenario.tests ?? {}) as Record<string, Record<string, unknown>>).map(
        ([name, test]) => ({
          name,
          helo: String(test.helo ?? ''),
          host: String(test.host ?? ''),
          mailfrom: String(test.mailfrom ?? ''),
          results: [test.result].flat().map(String),
          ...(typeof test.explanation === 'string' ? { explanation: test.explanation } : {}),
        }),
      ),
    }));
}
