import { describeError, isApiError } from '../../api/api-error.ts';

/** What the sign-in page says about a failed attempt, in words a person can act on. */
export function describeSignInError(error: unknown, secondsLeft: number): string {
  if (!isApiError(error)) return describeError(error);
  if (error.code === 'INVALID_CREDENTIALS') return 'The username or password is not correct.';
  if (error.code === 'TOO_MANY_ATTEMPTS') {
    return secondsLeft > 0
      ? `Too many attempts. Try again in ${secondsLeft} s.`
      : 'Too many attempts. You may try again now.';
  }

  return describeError(error);
}
