import { useId, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';

/** The list's filter box; submitting puts `q` in the URL and goes back to page 1. */
export function ListSearch({ label }: { label: string }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const [text, setText] = useState(searchParams.get('q') ?? '');
  const inputId = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams(searchParams);

    next.delete('page');
    if (text.trim()) next.set('q', text.trim());
    else next.delete('q');
    setSearchParams(next);
  }

  return (
    <form className="list-search" role="search" onSubmit={submit}>
      <label htmlFor={inputId} className="visually-hidden">{label}</label>
      <input
        id={inputId}
        type="search"
        value={text}
        placeholder="*"
        onChange={(event) => setText(event.target.value)}
      />
      <button type="submit" className="button">Search</button>
    </form>
  );
}
