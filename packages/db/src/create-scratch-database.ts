import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { quoteIdent, withDatabaseName } from './pg-url.ts';

export interface TScratchDatabase {
  databaseUrl: string;
  /** Drops the database, closing any session still connected to it. */
  drop(): Promise<void>;
}

async function runAdmin(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();

  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Creates an empty, uniquely named database on the server behind `adminUrl`
 * (which must be allowed to CREATE DATABASE). Names carry the prefix, the time
 * and our pid, so a leftover is easy to trace and never collides with another
 * run's.
 */
export async function createScratchDatabase(
  adminUrl: string,
  prefix: string,
): Promise<TScratchDatabase> {
  const stamp = `${Date.now().toString(36)}_${process.pid}_${randomBytes(3).toString('hex')}`;
  const name = `${prefix}_${stamp}`.toLowerCase().slice(0, 63);
  await runAdmin(adminUrl, `CREATE DATABASE ${quoteIdent(name)}`);

  const dropSql = `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`;
  const drop = () => runAdmin(adminUrl, dropSql);

  return { databaseUrl: withDatabaseName(adminUrl, name), drop };
}
