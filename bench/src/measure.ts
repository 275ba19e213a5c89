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
