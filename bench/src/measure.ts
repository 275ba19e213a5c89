import { readFile } from 'node:fs/promises';
import { runSmtpSource, type TLoad } from './smtp-tools.ts';

const TARGET_RUN_SECONDS = 2.5;
const CALIBRATION_MESSAGES = 400;
const MAX_MESSAGES = 60_000;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);

  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Messages per second through one target. A short calibration run sizes the
 * counted runs so each lasts a few seconds whatever the target's speed.
 */
export async function measureTarget(port: number, load: Omit<TLoad, 'messages'>, rounds: number) {
  const calibration = await runSmtpSource(port, { ...load, messages: CALIBRATION_MESSAGES });
  const messages = Math.min(MAX_MESSAGES, Math.max(CALIBRATION_MESSAGES, Math.round(calibration * TARGET_RUN_SECONDS)));
  const rates: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    rates.push(await runSmtpSource(port, { ...load, messages }));
  }

  return { median: median(rates), min: Math.min(...rates), max: Math.max(...rates), messages };
}

export interface TTargetFigures {
  median: number;
  rates: number[];
  // CPU time of the process serving the target, per message of the counted rounds; null
  // when no process was named for it.
  cpuMsPerMessage: number | null;
}

/**
 * Messages per second through several targets under one load, the rounds taken in turn
 * (each round starting with the next target), so that load from elsewhere on the machine
 * falls on all of them alike. Each target's run size is calibrated as in measureTarget.
 * `pids` names the process serving each target (or null) whose CPU time is counted: a
 * figure the machine's other load disturbs far less than throughput.
 */
export async function measureTargetsInTurn(
  ports: number[],
  load: Omit<TLoad, 'messages'>,
  rounds: number,
  pids: Array<number | null> = [],
): Promise<TTargetFigures[]> {
  const sizes: number[] = [];
  for (const port of ports) {
    const calibration = await runSmtpSource(port, { ...load, messages: CALIBRATION_MESSAGES });
    const size = Math.round(calibration * TARGET_RUN_SECONDS);
    sizes.push(Math.min(MAX_MESSAGES, Math.max(CALIBRATION_MESSAGES, size)));
  }

  const rates: number[][] = ports.map(() => []);
  const cpuMs = ports.map(() => 0);
  for (let round = 0; round < rounds; round += 1) {
    for (let step = 0; step < ports.length; step += 1) {
      const index = (step + round) % ports.length;
      const pid = pids[index] ?? null;
      const cpuBefore = pid ? await readCpuMs(pid) : 0;
      rates[index]!.push(await runSmtpSource(ports[index]!, { ...load, messages: sizes[index]! }));
      if (pid) cpuMs[index]! += (await readCpuMs(pid)) - cpuBefore;
    }
  }

  return rates.map((list, index) => ({
    median: median(list),
    rates: list,
    cpuMsPerMessage: pids[index] ? cpuMs[index]! / (sizes[index]! * rounds) : null,
  }));
}

// User and system time of a process: fields 14 and 15 of /proc/<pid>/stat, in clock ticks
// (100 a second on Linux).
async function readCpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');

  return (Number(fields[11]) + Number(fields[12])) * 10;
}
