import { useId, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import type { TRangePreset, TStatisticsRange } from '../../../api/statistics.ts';
import { fromLocalInput, toLocalInput } from '../../../format/format-time.ts';
import { PRESET_LABELS } from './statistics-range.ts';

type TMode = TRangePreset | 'custom';

type TRangeSelectorProps = {
  range: TStatisticsRange;
  // The range the last answer counted; Custom starts from it.
  shown: { from: string; to: string } | undefined;
};

/** Last hour, day or week, or a custom from/to; whichever is chosen goes in the URL. */
export function RangeSelector({ range, shown }: TRangeSelectorProps) {
  const [, setSearchParams] = useSearchParams();
  const [mode, setMode] = useState<TMode>('last' in range ? range.last : 'custom');
  const [from, setFrom] = useState('from' in range ? toLocalInput(range.from) : '');
  const [to, setTo] = useState('to' in range ? toLocalInput(range.to) : '');
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();

  function choose(next: TMode) {
    setMode(next);
    setProblem(null);
    if (next !== 'custom') return setSearchParams({ range: next });
    if (!from && shown) setFrom(toLocalInput(shown.from));
    if (!to && shown) setTo(toLocalInput(shown.to));
  }

  function apply(event: FormEvent) {
    event.preventDefault();
    const fromIso = fromLocalInput(from);
    const toIso = fromLocalInput(to);

    if (!fromIso || !toIso) return setProblem('give both times');
    if (fromIso >= toIso) return setProblem('From must be earlier than To');
    setProblem(null);
    setSearchParams({ from: fromIso, to: toIso });
  }

  return (
    <form className="range-selector" aria-label="Time range" onSubmit={apply}>
      <label htmlFor={`${id}-mode`}>Time Range</label>
      <select id={`${id}-mode`} value={mode} onChange={(e) => choose(e.target.value as TMode)}>
        {Object.entries(PRESET_LABELS).map(([value, label]) => (
          <option key={value} value={value}>{label}</option>
        ))}
        <option value="custom">Custom…</option>
      </select>
      {mode === 'custom' && (
        <>
          <label htmlFor={`${id}-from`}>From</label>
          <input
            id={`${id}-from`}
            type="datetime-local"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
          <label htmlFor={`${id}-to`}>To</label>
          <input
            id={`${id}-to`}
            type="datetime-local"
            value={to}
            onChange={(e) => setTo(e.target.value)}
          />
          <button type="submit" className="button">Apply</button>
        </>
      )}
      {problem && <span className="field-error" role="alert">{problem}</span>}
    </form>
  );
}
