import { BackendConnection, type TBackendTarget } from '../relay/backend/backend-connection.ts';

/**
 * One SMTP health check: connect, read the 220, EHLO, QUIT, within `timeoutMs`.
 * Resolves null when the member passed, or the reason it failed.
 */
export async function probeMember(
  target: TBackendTarget,
  heloName: string,
  timeoutMs: number,
): Promise<string | null> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);

  try {
    const connection = await BackendConnection.open(target, heloName, abort.signal);
    connection.quit();

    return null;
  } catch (error) {
    return abort.signal.aborted ? `no answer within ${timeoutMs} ms` : (error as Error).message;
  } finally {
    clearTimeout(timer);
  }
}
