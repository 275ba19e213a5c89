import { useState } from 'react';
import type { TNewApiToken } from '../../api/tokens.ts';
import { ROLE_LABELS } from '../../auth/permissions.ts';
import { formatTime } from '../../format/format-time.ts';

type TNewTokenPanelProps = { token: TNewApiToken; onDismiss: () => void };

/** The new token's secret, the one time the API gives it out, with a way to copy it. */
export function NewTokenPanel({ token, onDismiss }: TNewTokenPanelProps) {
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copy() {
    try {
      await navigator.clipboard.writeText(token.token);
      setCopyState('copied');
    } catch {
      // No clipboard (plain HTTP, say): the text is selectable instead.
      setCopyState('failed');
    }
  }

  return (
    <section className="new-token" aria-labelledby="new-token-title">
      <h2 id="new-token-title" className="new-token__title">
        API token {token.name} was created
      </h2>
      <p className="new-token__warning" role="alert">
        Copy the token now: it will not be shown again. Anyone who has it can use the API as
        you, with the role {ROLE_LABELS[token.role]}, until {formatTime(token.expiresAt)}.
      </p>
      <div className="new-token__secret">
        <input
          type="text"
          readOnly
          aria-label="New API token"
          className="mono new-token__value"
          value={token.token}
          onFocus={(event) => event.target.select()}
        />
        <button type="button" className="button button--primary" onClick={() => void copy()}>
          Copy
        </button>
        <span className="hint" role="status">
          {copyState === 'copied' && 'Copied to the clipboard.'}
          {copyState === 'failed' && 'The browser refused; select the text and copy it.'}
        </span>
      </div>
      <div className="form-buttons">
        <button type="button" className="button" onClick={onDismiss}>
          I have copied it
        </button>
      </div>
    </section>
  );
}
