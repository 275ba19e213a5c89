import { SESSION_COOKIE } from '@portcullis/contracts';

/** The session id from a Cookie header, if the header carries one. */
export function readSessionCookie(header: string | undefined): string | undefined {
  if (!header) return undefined;

  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0 || part.slice(0, separator).trim() !== SESSION_COOKIE) continue;

    const value = part.slice(separator + 1).trim();
    if (value) return value;
  }

  return undefined;
}

export type TCookieOptions = { isSecure: boolean };

// HttpOnly: no script reads it; SameSite=Strict: no other site's page sends it.
function attributes(options: TCookieOptions): string {
  return ['Path=/', 'HttpOnly', 'SameSite=Strict', ...(options.isSecure ? ['Secure'] : [])].join('; ');
}

export function toSessionCookie(sessionId: string, expiresAt: Date, options: TCookieOptions): string {
  return `${SESSION_COOKIE}=${sessionId}; ${attributes(options)}; Expires=${expiresAt.toUTCString()}`;
}

export function toClearedSessionCookie(options: TCookieOptions): string {
  return `${SESSION_COOKIE}=; ${attributes(options)}; Max-Age=0`;
}
