import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The package is consumed as source, so the repository root is a fixed hop away.
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Folder of `<timestamp>_<name>/migration.sql` directories. */
export const MIGRATIONS_DIR = path.join(REPO_ROOT, 'prisma', 'migrations');

/** The Prisma schema the client is generated from and migrations are diffed to. */
export const SCHEMA_PATH = path.join(REPO_ROOT, 'prisma', 'schema.prisma');
