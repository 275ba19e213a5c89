/**
 * The worker in a child process of its own, for tests that measure the worker's
 * memory apart from the test's clients and backends. Controlled over IPC.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TSnapshot } from '@portcullis/contracts';

const CHILD_SCRIPT = fileURLToPath(new URL('./worker-child.ts', import.meta.url));

export interface TWorkerProcess {
  apply(snapshot: TSnapshot): Promise<void>;
  // Resets the peak and returns the current rss.
  resetPeak(): Promise<number>;
  peakRss(): Promise<number>;
  stop(): Promise<void>;
}

export async function startWorkerProcess(): Promise<TWorkerProcess> {
  // The flags `npm start` runs the worker with (see package.json and the README).
  const child = fork(CHILD_SCRIPT, [], {
    execArgv: ['--max-semi-space-size=4', '--optimize-for-size', '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let nextId = 0;
  const pending = new Map<number, (value: number) => void>();
  child.on('message', (message: { id: number; value: number }) => {
    pending.get(message.id)?.(message.value);
  });

  const call = (type: string, payload?: unknown) =>
    new Promise<number>((resolve) => {
      nextId += 1;
      pending.set(nextId, resolve);
      child.send({ id: nextId, type, payload });
    });

  await call('ready');

  return {
    apply: async (snapshot) => void (await call('apply', snapshot)),
    resetPeak: () => call('reset-peak'),
    peakRss: () => call('peak'),
    stop: () => stopChild(child),
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
