// Support IDs name one violation for the administrator and for the client who quotes it from
// a refusal. Ten Crockford base32 symbols (no I, L, O or U: readable over the phone) shown as
// XXXXX-XXXXX, as SUPPORT_ID_PATTERN in the contracts says: 50 random bits.
import { randomBytes } from 'node:crypto';

const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SYMBOLS = 10;

export function generateSupportId(): string {
  // 256 is a multiple of 32, so the low five bits of a random byte are uniform.
  const symbols = [...randomBytes(SYMBOLS)].map((byte) => CROCKFORD_ALPHABET[byte & 31]);

  return `${symbols.slice(0, 5).join('')}-${symbols.slice(5).join('')}`;
}
