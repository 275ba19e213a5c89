import type { Prisma, PrismaClient } from '@portcullis/db';

/** The Prisma client the app is built with; the app uses it but does not own it. */
export type TPrisma = PrismaClient;

/**
 * What domain functions take: the client itself or a transaction on it. A
 * transaction has a single connection, so domain functions query one step at a
 * time (no Promise.all), which node-postgres requires of a connection.
 */
export type TDb = Prisma.TransactionClient;
