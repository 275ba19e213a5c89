import { SUPPORT_ID_PATTERN } from '@portcullis/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { describeError, isApiError } from '../../../api/api-error.ts';
import { violationDetailQuery } from '../../../api/violations.ts';
import { violationDetailPath } from './statistics-paths.ts';

/**
 * Support ID search: the ID a refused sender read from the reply opens its violation,
 * or says that none has it. IDs are read out over the phone, so case does not matter.
 */
export function SupportIdSearch() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [isSearching, setIsSearching] = useState(false);
  const id = useId();

  async function find(event: FormEvent) {
    event.preventDefault();
    const supportId = text.trim().toUpperCase();

    if (!SUPPORT_ID_PATTERN.test(supportId)) {
      return setProblem('a Support ID looks like K7Q2M-9XD4F');
    }
    setProblem(null);
    setIsSearching(true);
    try {
      await queryClient.fetchQuery(violationDetailQuery(supportId));
      await navigate(violationDetailPath(supportId));
    } catch (error) {
      const isMissing = isApiError(error) && error.status === 404;

      setProblem(isMissing ? `No violation has Support ID ${supportId}.` : describeError(error));
    } finally {
      setIsSearching(false);
    }
  }

  return (
    <form className="support-id-search" role="search" aria-label="Support ID" onSubmit={find}>
      <label htmlFor={id}>Support ID</label>
      <input
        id={id}
        type="search"
        className="input--support-id mono"
        placeholder="K7Q2M-9XD4F"
        autoComplete="off"
        spellCheck={false}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-error` : undefined}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <button type="submit" className="button" disabled={isSearching}>Find</button>
      {problem && <span id={`${id}-error`} className="field-error" role="alert">{problem}</span>}
    </form>
  );
}
