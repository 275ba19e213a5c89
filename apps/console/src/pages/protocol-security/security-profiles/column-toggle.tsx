import { useEffect, useRef } from 'react';

type TColumnToggleProps = {
  label: string;
  values: boolean[];
  onChange: (isChecked: boolean) => void;
};

/** A column's "select all" box: ticked when every row is, half-ticked when some are. */
export function ColumnToggle({ label, values, onChange }: TColumnToggleProps) {
  const ref = useRef<HTMLInputElement>(null);
  const isAll = values.length > 0 && values.every(Boolean);
  const isSome = !isAll && values.some(Boolean);

  useEffect(() => {
    if (ref.current) ref.current.indeterminate = isSome;
  }, [isSome]);

  return (
    <label className="inline-choice">
      <input
        ref={ref}
        type="checkbox"
        aria-label={`Select all ${label}`}
        checked={isAll}
        onChange={(event) => onChange(event.target.checked)}
      />
      {label}
    </label>
  );
}
