import { useId, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { AUDIT_ACTIONS, AUDIT_OBJECT_TYPES } from '../../../api/audit.ts';
import { fromLocalInput, toLocalInput } from '../../../format/format-time.ts';
import { FILTER_NAMES, type TFilterName } from './audit-filters.ts';

type TDraft = Record<TFilterName, string>;

function readDraft(search: URLSearchParams): TDraft {
  return {
    actor: search.get('actor') ?? '',
    objectType: search.get('objectType') ?? '',
    action: search.get('action') ?? '',
    from: toLocalInput(search.get('from') ?? undefined),
    to: toLocalInput(search.get('to') ?? undefined),
  };
}

/** User, object type, action and a time range; Apply starts again at the newest entry. */
export function AuditFilterForm() {
  const [searchParams, setSearchParams] = useSearchParams();
  const [draft, setDraft] = useState(() => readDraft(searchParams));
  const id = useId();

  function apply(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams();

    for (const name of FILTER_NAMES) {
      const raw = draft[name].trim();
      const value = name === 'from' || name === 'to' ? fromLocalInput(raw) : raw;

      if (value) next.set(name, value);
    }
    setSearchParams(next);
  }

  const field = (name: TFilterName) => ({
    id: `${id}-${name}`,
    value: draft[name],
    onChange: (event: { target: { value: string } }) =>
      setDraft({ ...draft, [name]: event.target.value }),
  });

  return (
    <form className="filter-form" aria-label="Audit log filters" noValidate onSubmit={apply}>
      <div className="filter">
        <label htmlFor={`${id}-actor`}>User</label>
        <input type="text" autoComplete="off" spellCheck={false} {...field('actor')} />
      </div>
      <div className="filter">
        <label htmlFor={`${id}-objectType`}>Object Type</label>
        <select {...field('objectType')}>
          <option value="">(any)</option>
          {AUDIT_OBJECT_TYPES.map((type) => <option key={type} value={type}>{type}</option>)}
        </select>
      </div>
      <div className="filter">
        <label htmlFor={`${id}-action`}>Action</label>
        <select {...field('action')}>
          <option value="">(any)</option>
          {AUDIT_ACTIONS.map((action) => <option key={action} value={action}>{action}</option>)}
        </select>
      </div>
      <div className="filter">
        <label htmlFor={`${id}-from`}>From</label>
        <input type="datetime-local" {...field('from')} />
      </div>
      <div className="filter">
        <label htmlFor={`${id}-to`}>To</label>
        <input type="datetime-local" {...field('to')} />
      </div>
      <div className="filter filter--buttons">
        <button type="submit" className="button button--primary">Apply</button>
        <button
          type="button"
          className="button"
          onClick={() => {
            setDraft(readDraft(new URLSearchParams()));
            setSearchParams({});
          }}
        >
          Clear
        </button>
      </div>
    </form>
  );
}
