import fs from 'node:fs/promises';

// Owner-only: the state directory keeps client addresses, envelopes, transcripts and
// whole messages. chmod as well as mkdir, since mkdir leaves an existing directory as is.
const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

export async function ensurePrivateDir(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  await fs.chmod(dir, PRIVATE_DIR_MODE);
}
