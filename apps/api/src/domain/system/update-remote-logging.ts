import type { TDb } from '../../db.ts';
import type { TRemoteLogging } from '../../schemas/system-schemas.ts';
import { getRemoteLogging } from './get-remote-logging.ts';

export async function updateRemoteLogging(
  db: TDb,
  input: TRemoteLogging,
): Promise<TRemoteLogging> {
  // A cleared form field arrives as an empty string; it means no server.
  const data = { ...input, host: input.host?.trim() || null };

  await db.remoteLoggingServer.upsert({
    where: { id: 1 },
    create: { id: 1, ...data },
    update: data,
  });

  return getRemoteLogging(db);
}
