// Keys whose values never enter the audit log: password hashes, token hashes, TLS
// private keys. The log records that they changed, not what they are.
const SECRET_KEY = /password|secret|hash|tlsKey|privateKey|^token$|csrfToken/i;

export const REDACTED = '[redacted]';

/** A deep copy of `value` with every secret-named field replaced. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== 'object' || value === null) return value;

  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    // Only text is secret: `hasTlsKey: false` says nothing an attacker could use.
    const isSecret = SECRET_KEY.test(key) && typeof field === 'string';
    copy[key] = isSecret ? REDACTED : redactSecrets(field);
  }

  return copy;
}
