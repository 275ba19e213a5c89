// What every API request needs to know about the signed-in session, kept outside
// React so the one fetch function can use it: the CSRF token to send with writes, and
// whom to tell when the API says the session is gone (expired, revoked, signed out).
let csrfToken: string | null = null;
let sessionEndedHandler: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

export function onSessionEnded(handler: () => void): void {
  sessionEndedHandler = handler;
}

export function reportSessionEnded(): void {
  csrfToken = null;
  sessionEndedHandler?.();
}
