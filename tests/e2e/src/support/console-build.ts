// The console's static build, made once and reused while no source file is newer.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const CONSOLE_DIR = path.join(REPO_ROOT, 'apps/console');
export const CONSOLE_DIST = path.join(CONSOLE_DIR, 'dist');

// The contracts feed the console's bundle (labels, defaults, help texts) too.
const SOURCES = [
  path.join(CONSOLE_DIR, 'src'),
  path.join(CONSOLE_DIR, 'index.html'),
  path.join(CONSOLE_DIR, 'vite.config.ts'),
  path.join(CONSOLE_DIR, 'public'),
  path.join(REPO_ROOT, 'packages/contracts/src'),
];

function newestMtime(entry: string): number {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;

  return Math.max(0, ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

function builtAt(): number {
  try {
    return statSync(path.join(CONSOLE_DIST, 'index.html')).mtimeMs;
  } catch {
    return 0;
  }
}

/** Builds the console unless dist is newer than every source file. */
export function ensureConsoleBuild(): void {
  if (builtAt() > Math.max(...SOURCES.map(newestMtime))) return;

  execFileSync('npm', ['run', 'build', '-w', '@portcullis/console'], {
    cwd: REPO_ROOT,
    stdio: 'pipe',
  });
}
