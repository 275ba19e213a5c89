import { PrismaPg } from '@prisma/adapter-pg';
import type pg from 'pg';
import { PrismaClient } from './generated/prisma/client.ts';

export type TPoolOptions = Omit<pg.PoolConfig, 'connectionString'>;

/**
 * The generated Prisma client on node-postgres (Prisma 7 needs no native engine).
 * `poolOptions` tunes the pool, e.g. `{ max: 10 }`. Call $disconnect() when done.
 */
export function createPrismaClient(databaseUrl: string, poolOptions: TPoolOptions = {}) {
  const adapter = new PrismaPg({ ...poolOptions, connectionString: databaseUrl });

  return new PrismaClient({ adapter });
}
