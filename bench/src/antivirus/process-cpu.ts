// CPU seconds a set of processes has used, from /proc (Linux): user and system time of
// each, with its reaped children, and of its live children (c-icap serves from forked
// children). The steadier figure on a shared machine, where messages per second move
// with everything else that runs.
import { readFile } from 'node:fs/promises';

// sysconf(_SC_CLK_TCK) on Linux: /proc reports times in these ticks.
const TICKS_PER_SECOND = 100;

export async function readCpuSeconds(pids: number[]): Promise<number> {
  let ticks = 0;
  for (const pid of pids) {
    ticks += await readTicks(pid, true);
    for (const child of await childrenOf(pid)) ticks += await readTicks(child, false);
  }

  return ticks / TICKS_PER_SECOND;
}

export async function readPidFile(file: string): Promise<number> {
  const pid = Number((await readFile(file, 'utf8')).trim());
  if (!Number.isInteger(pid) || pid <= 0) throw new Error(`no pid in ${file}`);

  return pid;
}

async function readTicks(pid: number, withReaped: boolean): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (!stat) return 0;

  // Fields after the command name (which may hold spaces): utime is the 14th field.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
  const [utime = 0, stime = 0, cutime = 0, cstime = 0] = fields.slice(11, 15);

  return utime + stime + (withReaped ? cutime + cstime : 0);
}

async function childrenOf(pid: number): Promise<number[]> {
  const text = await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => '');

  return text.split(/\s+/).filter(Boolean).map(Number);
}
