// The Redis database Haraka's limit plugin counts in during the benchmark: the machine's
// Redis (127.0.0.1:6379), a database number of the benchmark's own that must be empty at
// the start, and whose keys (only those) are deleted at the end. Never FLUSHDB/FLUSHALL.
import { execFileSync } from 'node:child_process';

const REDIS_TARGET = ['-h', '127.0.0.1', '-p', '6379'];
export const HARAKA_REDIS_DB = Number(process.env.BENCH_HARAKA_REDIS_DB ?? 14);

function redisCli(db: number, args: string[]): string {
  return execFileSync('redis-cli', [...REDIS_TARGET, '-n', String(db), ...args], {
    encoding: 'utf8',
  }).trim();
}

/** Fails unless Redis answers and the database holds nothing yet. */
export function claimRedisDb(db: number): void {
  const pong = redisCli(db, ['PING']);
  if (pong !== 'PONG') throw new Error(`Redis at 127.0.0.1:6379 did not answer PING: ${pong}`);

  const size = Number(redisCli(db, ['DBSIZE']));
  if (size !== 0) {
    const hint = 'set BENCH_HARAKA_REDIS_DB to an empty one';
    throw new Error(`Redis database ${db} holds ${size} keys; ${hint}`);
  }
}

/** Deletes the keys the benchmark left in its database; returns how many there were. */
export function releaseRedisDb(db: number): number {
  const keys = redisCli(db, ['--scan']).split('\n').filter(Boolean);
  for (let start = 0; start < keys.length; start += 500) {
    redisCli(db, ['DEL', ...keys.slice(start, start + 500)]);
  }

  return keys.length;
}
