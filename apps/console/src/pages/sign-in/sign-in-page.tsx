import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../api/api-error.ts';
import { sessionKeys, signIn } from '../../api/auth.ts';
import { HOME_PATH } from '../../auth/session-loaders.ts';
import { readReturnTo } from '../../forms/return-to.ts';
import { describeSignInError } from './sign-in-error.ts';
import { useCountdown } from './use-countdown.ts';

/**
 * The appliance's log-in screen. A successful sign-in returns to the page the user
 * wanted (`returnTo`), with nothing cached from whoever used the console before.
 */
export function SignInPage() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const secondsLeft = useCountdown(retryAt);
  const passwordRef = useRef<HTMLInputElement>(null);
  const ids = { username: useId(), password: useId(), error: useId() };
  const attempt = useMutation({
    mutationFn: () => signIn(username.trim(), password),
    onSuccess: async (session) => {
      queryClient.clear();
      queryClient.setQueryData(sessionKeys.current, session);
      await navigate(readReturnTo(searchParams) ?? HOME_PATH, { replace: true });
    },
    onError: (error) => {
      setPassword('');
      if (isApiError(error) && error.retryAfterS) setRetryAt(Date.now() + error.retryAfterS * 1000);
    },
  });
  const hasError = attempt.isError;

  useEffect(() => {
    document.title = 'Portcullis - Sign In';
  }, []);

  useEffect(() => {
    if (hasError) passwordRef.current?.focus();
  }, [hasError, attempt.error]);

  return (
    <div className="sign-in">
      <header className="header-bar">
        <div className="header-bar__brand">
          <span className="header-bar__logo" aria-hidden="true">P</span>
          <span className="header-bar__product">Portcullis</span>
          <span className="header-bar__subtitle">SMTP Security Gateway</span>
        </div>
      </header>
      <main className="sign-in__body">
        <form
          className="sign-in__box"
          aria-label="Sign in"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            attempt.mutate();
          }}
        >
          <h1 className="sign-in__title">Sign In</h1>
          <p className="sign-in__lead">Enter your username and password to manage the gateway.</p>
          {hasError && (
            <p id={ids.error} className="banner banner--error" role="alert">
              {describeSignInError(attempt.error, secondsLeft)}
            </p>
          )}
          <label htmlFor={ids.username}>Username</label>
          <input
            id={ids.username}
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            autoFocus
            value={username}
            onChange={(event) => setUsername(event.target.value)}
          />
          <label htmlFor={ids.password}>Password</label>
          <input
            id={ids.password}
            ref={passwordRef}
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={hasError ? true : undefined}
            aria-describedby={hasError ? ids.error : undefined}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
          <button
            type="submit"
            className="button button--primary sign-in__submit"
            disabled={attempt.isPending || secondsLeft > 0 || !username.trim() || !password}
          >
            {attempt.isPending ? 'Signing in…' : 'Log In'}
          </button>
        </form>
      </main>
    </div>
  );
}
