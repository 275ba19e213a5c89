import pg from 'pg';

/**
 * Runs `work` while holding a session-level Postgres advisory lock on its own
 * connection, so concurrent callers on any host queue up instead of racing. If
 * this process dies the connection closes and Postgres releases the lock.
 */
export async function withAdvisoryLock<T>(
  databaseUrl: string,
  key: number,
  work: () => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  // A dropped connection only means the lock is gone; `work` reports its own
  // failures, so an idle-client error must not crash the process.
  client.on('error', () => undefined);
  await client.connect();

  try {
    await client.query('SELECT pg_advisory_lock($1)', [key]);

    return await work();
  } finally {
    // Closing the session releases the lock even if the unlock query failed.
    await client.query('SELECT pg_advisory_unlock($1)', [key]).catch(() => undefined);
    await client.end();
  }
}
