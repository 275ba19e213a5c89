import { VIOLATION_NAMES } from '@portcullis/contracts';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import type { TViolationFilterName, TViolationFilters } from '../../../api/violations.ts';
import { fromLocalInput, toLocalInput } from '../../../format/format-time.ts';
import type { TFormErrors } from '../../../forms/use-form-errors.ts';
import { violationLabel } from '../security-profiles/check-catalog.ts';

type TFilterFormProps = { filters: TViolationFilters; errors: TFormErrors };

const TEXT_FILTERS: Array<{ name: TViolationFilterName; label: string; placeholder?: string }> = [
  { name: 'clientAddress', label: 'Client Address', placeholder: '192.0.2.0/24' },
  { name: 'virtualServer', label: 'Virtual Server' },
  { name: 'serviceProfile', label: 'Service Profile' },
  { name: 'securityProfile', label: 'Security Profile' },
  { name: 'supportId', label: 'Support ID', placeholder: 'K7Q2M-9XD4F' },
];

function Filter(props: { name: string; label: string; errors: TFormErrors; children: ReactNode }) {
  const { name, label, errors, children } = props;
  const row = errors.row(name);

  return (
    <div className={row.error ? 'filter filter--invalid' : 'filter'}>
      <label htmlFor={row.htmlFor}>{label}</label>
      {children}
      {row.error && <span id={row.errorId} className="field-error" role="alert">{row.error}</span>}
    </div>
  );
}

/** The violation list's filters; Apply puts them in the URL and goes back to page 1. */
export function ViolationFilterForm({ filters, errors }: TFilterFormProps) {
  const [, setSearchParams] = useSearchParams();
  const [draft, setDraft] = useState<TViolationFilters>({
    ...filters,
    from: toLocalInput(filters.from),
    to: toLocalInput(filters.to),
  });

  function set(name: TViolationFilterName, value: string) {
    setDraft({ ...draft, [name]: value });
  }

  function apply(event: FormEvent) {
    event.preventDefault();
    const times = { from: fromLocalInput(draft.from ?? ''), to: fromLocalInput(draft.to ?? '') };
    const entries = Object.entries({ ...draft, ...times }).filter(([, value]) => value?.trim());

    setSearchParams(Object.fromEntries(entries) as Record<string, string>);
  }

  const input = (name: TViolationFilterName, extra: { type?: string; placeholder?: string }) => (
    <input
      {...errors.control(name)}
      type={extra.type ?? 'text'}
      placeholder={extra.placeholder}
      autoComplete="off"
      spellCheck={false}
      value={draft[name] ?? ''}
      onChange={(event) => set(name, event.target.value)}
    />
  );

  return (
    <form className="filter-form" aria-label="Violation filters" noValidate onSubmit={apply}>
      <Filter name="protocol" label="Protocol" errors={errors}>
        <select
          {...errors.control('protocol')}
          value={draft.protocol ?? ''}
          onChange={(event) => set('protocol', event.target.value)}
        >
          <option value="">Any</option>
          <option value="SMTP">SMTP</option>
        </select>
      </Filter>
      <Filter name="violation" label="Violation" errors={errors}>
        <select
          {...errors.control('violation')}
          value={draft.violation ?? ''}
          onChange={(event) => set('violation', event.target.value)}
        >
          <option value="">Any</option>
          {VIOLATION_NAMES.map((name) => (
            <option key={name} value={name}>{violationLabel(name)}</option>
          ))}
        </select>
      </Filter>
      {TEXT_FILTERS.map(({ name, label, placeholder }) => (
        <Filter key={name} name={name} label={label} errors={errors}>
          {input(name, placeholder ? { placeholder } : {})}
        </Filter>
      ))}
      <Filter name="from" label="From" errors={errors}>
        {input('from', { type: 'datetime-local' })}
      </Filter>
      <Filter name="to" label="To" errors={errors}>
        {input('to', { type: 'datetime-local' })}
      </Filter>
      <div className="filter filter--buttons">
        <button type="submit" className="button button--primary">Apply</button>
        <button type="button" className="button" onClick={() => setSearchParams({})}>
          Clear
        </button>
      </div>
    </form>
  );
}
