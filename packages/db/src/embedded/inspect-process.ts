import { readFile, readlink } from 'node:fs/promises';

export interface TProcessInfo {
  pid: number;
  /** Arguments from /proc; null where /proc is unavailable (not Linux). */
  argv: string[] | null;
  /** Parent pid from /proc; null where unavailable. */
  ppid: number | null;
  /** Working directory from /proc; null where unavailable or not ours to read. */
  cwd: string | null;
}

/** True while a process with this pid exists, whoever owns it. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);

    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readProc(pid: number, name: string): Promise<string | null> {
  return readFile(`/proc/${pid}/${name}`, 'utf8').catch(() => null);
}

/** What we can learn about a live process; null when it does not exist. */
export async function inspectProcess(pid: number): Promise<TProcessInfo | null> {
  if (!isProcessAlive(pid)) return null;
  const cmdline = await readProc(pid, 'cmdline');
  const stat = await readProc(pid, 'stat');
  // stat reads "pid (comm) state ppid ..."; comm may hold spaces and parentheses.
  const afterComm = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ppid = afterComm?.[1] ? Number.parseInt(afterComm[1], 10) : null;
  const cwd = await readlink(`/proc/${pid}/cwd`).catch(() => null);
  const argv = cmdline === null ? null : cmdline.split('\0').filter(Boolean);

  return { pid, argv, ppid, cwd };
}
