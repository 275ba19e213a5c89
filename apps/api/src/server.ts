// Starts the API: resolves the database (embedded Postgres unless DATABASE_URL is
// set), migrates and seeds it, then builds the app and listens.
import {
  DEFAULT_SECURITY_PROFILE_SETTINGS,
  DEFAULT_VIOLATION_ACTIONS,
} from '@portcullis/contracts';
import {
  applyMigrations,
  createPrismaClient,
  resolveDatabase,
  seedSystemObjects,
} from '@portcullis/db';
import path from 'node:path';
import pino from 'pino';
import { buildApp } from './app.ts';
import { loadEnv, toAuthSettings, toRetention, type TEnv } from './env.ts';
import { ensureFirstAdministrator } from './first-run/ensure-first-administrator.ts';
import { formatFirstRunBanner } from './first-run/print-first-run-banner.ts';

const env = readEnvOrExit();
const logger = pino({ level: env.LOG_LEVEL });

// A wrong variable is the operator's to fix: say which, without a stack trace.
function readEnvOrExit(): TEnv {
  try {
    return loadEnv(process.env);
  } catch (error) {
    process.stderr.write(`portcullis api: ${(error as Error).message}\n`);
    process.exit(1);
  }
}

async function start() {
  const database = await resolveDatabase({
    env,
    // The data folder also holds the worker secret and the worker's cache.
    dataDir: path.join(env.PORTCULLIS_DATA_DIR, 'postgres'),
    logger: logger.child({ component: 'db' }),
  });
  await applyMigrations(database.databaseUrl, logger.child({ component: 'migrations' }));

  const prisma = createPrismaClient(database.databaseUrl);
  const seeded = await seedSystemObjects(prisma, {
    securityProfileActions: DEFAULT_VIOLATION_ACTIONS,
    securityProfileSettings: DEFAULT_SECURITY_PROFILE_SETTINGS,
  });
  if (seeded.created.length > 0) logger.info({ created: seeded.created }, 'system objects seeded');

  const firstAdministrator = await ensureFirstAdministrator(prisma, {
    username: env.PORTCULLIS_ADMIN_USERNAME,
    password: env.PORTCULLIS_ADMIN_PASSWORD,
  });
  if (firstAdministrator.isCreated) {
    logger.info({ username: firstAdministrator.username }, 'first administrator created');
  }

  const app = buildApp({
    prisma,
    databaseUrl: database.databaseUrl,
    workerSecret: env.PORTCULLIS_WORKER_SECRET,
    logger: { level: env.LOG_LEVEL },
    consoleDistDir: env.PORTCULLIS_CONSOLE_DIR,
    auth: toAuthSettings(env),
    trustedProxies: env.PORTCULLIS_TRUSTED_PROXIES,
    retentionJob:
      env.PORTCULLIS_PRUNE_INTERVAL_MINUTES > 0
        ? {
            retention: toRetention(env),
            intervalMs: env.PORTCULLIS_PRUNE_INTERVAL_MINUTES * 60_000,
          }
        : undefined,
  });

  let isStopping = false;
  const stop = async (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    logger.info({ signal }, 'stopping');

    await app.close().catch((error: unknown) => logger.error({ err: error }, 'close failed'));
    await prisma.$disconnect();
    await database.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  const url = await app.listen({ port: env.PORT, host: env.HOST });
  if (firstAdministrator.isCreated && firstAdministrator.generatedPassword) {
    const { username, generatedPassword } = firstAdministrator;
    process.stdout.write(formatFirstRunBanner(username, generatedPassword, `${url}/`));
  }
}

start().catch((error: unknown) => {
  logger.fatal({ err: error }, 'start failed');
  process.exit(1);
});
