// Passwords are hashed with scrypt, a memory-hard function built into Node: guessing
// them from a stolen table costs memory as well as time. The encoded hash carries
// its parameters, so raising them later leaves existing hashes readable.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

type TScryptParameters = { N: number; r: number; p: number };

// 2^15 x 8 x 128 bytes = 32 MiB per hash, about 50-100 ms on one core.
const CURRENT: TScryptParameters = { N: 2 ** 15, r: 8, p: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;
const SCHEME = 'scrypt';

function derive(password: string, salt: Buffer, parameters: TScryptParameters): Promise<Buffer> {
  // Node's default ceiling (32 MiB) is exactly one hash's need; leave headroom.
  const options: ScryptOptions = { ...parameters, maxmem: 256 * parameters.N * parameters.r };

  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** `scrypt$N$r$p$salt$key`, salt and key in base64url. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, CURRENT);
  const { N, r, p } = CURRENT;

  return [SCHEME, N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

function decode(encoded: string) {
  const [scheme, n, r, p, salt, key] = encoded.split('$');
  if (scheme !== SCHEME || !salt || !key) return undefined;

  const parameters = { N: Number(n), r: Number(r), p: Number(p) };
  if (!Object.values(parameters).every((value) => Number.isInteger(value) && value > 0)) return undefined;

  return { parameters, salt: Buffer.from(salt, 'base64url'), key: Buffer.from(key, 'base64url') };
}

/** Whether `password` matches `encoded`; a malformed hash matches nothing. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const decoded = decode(encoded);
  if (!decoded) return false;

  const candidate = await derive(password, decoded.salt, decoded.parameters);

  return candidate.length === decoded.key.length && timingSafeEqual(candidate, decoded.key);
}

// Checked against when the user does not exist, so an unknown name costs the same
// time as a wrong password and the timing tells nobody which names exist.
let dummyHash: Promise<string> | undefined;

export function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('base64url'));

  return dummyHash;
}
