// A worker heartbeats every 2 s; one silent for 10 s is taken for dead, and its
// reports no longer count towards live status.
export const WORKER_ALIVE_MS = 10_000;

export function isWorkerAlive(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() <= WORKER_ALIVE_MS;
}
