import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DbError } from '../db-error.ts';

// Kept inside the data directory so the credential travels with the cluster.
// Postgres ignores files it does not know; only this process's user may read it.
const PASSWORD_FILE = 'portcullis-password';

/**
 * A fresh random password for a new cluster. Any local user can reach a loopback
 * port, so the embedded server must not use a well-known password.
 */
export function newClusterPassword(): string {
  return randomBytes(24).toString('base64url');
}

export async function writeClusterPassword(dataDir: string, password: string): Promise<void> {
  await writeFile(path.join(dataDir, PASSWORD_FILE), `${password}\n`, { mode: 0o600 });
}

export async function readClusterPassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, PASSWORD_FILE);
  const content = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;

    throw new DbError('CLUSTER_PASSWORD_MISSING', `${file} is missing`, { cause: error });
  });

  return content.trim();
}
