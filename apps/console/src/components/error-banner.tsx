import type { ReactNode } from 'react';
import { describeError, isApiError } from '../api/api-error.ts';

type TErrorBannerProps = { error: unknown; title?: string; children?: ReactNode };

/** A red banner for errors no single field owns; shows the API's message and code. */
export function ErrorBanner({ error, title, children }: TErrorBannerProps) {
  if (!error) return null;
  const code = isApiError(error) ? error.code : undefined;

  return (
    <div className="banner banner--error" role="alert">
      {title && <strong className="banner__title">{title}</strong>}
      <span className="banner__message">{describeError(error)}</span>
      {code && <span className="banner__code">({code})</span>}
      {children}
    </div>
  );
}

export function InfoBanner({ message }: { message: string }) {
  return <p className="banner banner--info">{message}</p>;
}

export function SuccessBanner({ message }: { message: string | null }) {
  if (!message) return null;

  return (
    <div className="banner banner--success" role="status">
      {message}
    </div>
  );
}
