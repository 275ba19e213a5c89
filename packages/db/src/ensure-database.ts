import pg from 'pg';
import { quoteIdent } from './pg-url.ts';

// duplicate_database, and the catalog's unique index when two creators race.
const ALREADY_EXISTS = new Set(['42P04', '23505']);

/** Creates database `name` through `adminUrl` unless it exists. Returns true if created. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();

  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    await client.query(`CREATE DATABASE ${quoteIdent(name)}`);

    return true;
  } catch (error) {
    if (ALREADY_EXISTS.has((error as { code?: string }).code ?? '')) return false;
    throw error;
  } finally {
    await client.end();
  }
}
