// Scratch: an API on a fresh test database for manual inspection. Deleted before hand-off.
import path from 'node:path';
import { DEFAULT_SECURITY_PROFILE_SETTINGS, DEFAULT_VIOLATION_ACTIONS } from '@portcullis/contracts';
import { createPrismaClient, createTestDatabase, seedSystemObjects } from '@portcullis/db';
import { buildApp } from '../../../apps/api/src/app.ts';

const database = await createTestDatabase();
const prisma = createPrismaClient(database.databaseUrl);
await seedSystemObjects(prisma, {
  securityProfileActions: DEFAULT_VIOLATION_ACTIONS,
  securityProfileSettings: DEFAULT_SECURITY_PROFILE_SETTINGS,
});
const app = buildApp({
  prisma, databaseUrl: database.databaseUrl, workerSecret: 'dev-secret-0123456789',
  logger: false, consoleDistDir: path.resolve(import.meta.dirname, '../../../apps/console/dist'),
});
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 18025) });
process.stdout.write('listening\n');
const stop = async () => { await app.close(); await prisma.$disconnect(); await database.drop(); process.exit(0); };
process.on('SIGTERM', stop); process.on('SIGINT', stop);
