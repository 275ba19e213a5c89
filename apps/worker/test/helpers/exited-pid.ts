import { spawn } from 'node:child_process';
import { once } from 'node:events';

/** The pid of a process that has exited: nothing runs under it (until the pid is reused). */
export async function exitedPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await once(child, 'exit');

  return child.pid ?? 0;
}
