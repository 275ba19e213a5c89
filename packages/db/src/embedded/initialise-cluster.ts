import { rename, rm, rmdir } from 'node:fs/promises';
import type { TPostgresLog } from './postgres-log.ts';
import { newClusterPassword, writeClusterPassword } from './cluster-password.ts';
import { createEmbeddedServer } from './create-embedded-server.ts';

/**
 * Runs initdb into a staging folder beside `dataDir` and renames it into place
 * with its password file, so a run killed half-way leaves no half-made cluster
 * that would later look real. `dataDir` must be missing or empty.
 */
export async function initialiseCluster(
  dataDir: string,
  port: number,
  log: TPostgresLog,
): Promise<void> {
  const staging = `${dataDir}.initdb`;
  await rm(staging, { recursive: true, force: true });
  const password = newClusterPassword();
  const server = await createEmbeddedServer({ databaseDir: staging, port, password, log });

  await server.initialise();
  await writeClusterPassword(staging, password);
  await rmdir(dataDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  await rename(staging, dataDir);
}
