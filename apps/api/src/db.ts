import type { Prisma, PrismaClient } from '@portcullis/db';

/** The Prisma client the app is built with; the app uses it but does not own it. */
export type TPrisma = PrismaClient;

/** What domain functions take: the client itself or a transaction on it. */
export type TDb = Prisma.TransactionClient;
