import { SMTP_PORT } from './virtual-server-draft.ts';

type TServicePortInputProps = {
  inputProps: { id: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string };
  value: string;
  onChange: (value: string) => void;
};

/** The port as a number, beside a list that names the well-known one (SMTP → 25). */
export function ServicePortInput({ inputProps, value, onChange }: TServicePortInputProps) {
  const preset = value.trim() === String(SMTP_PORT) ? 'smtp' : 'other';

  return (
    <span className="control-pair">
      <input
        {...inputProps}
        type="text"
        inputMode="numeric"
        className="input--port"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      <select
        aria-label="Service Port service"
        value={preset}
        onChange={(event) => {
          if (event.target.value === 'smtp') onChange(String(SMTP_PORT));
          else if (value.trim() === String(SMTP_PORT)) onChange('');
          // Other means "type it": put the cursor where the number goes.
          if (event.target.value === 'other') document.getElementById(inputProps.id)?.focus();
        }}
      >
        <option value="smtp">SMTP</option>
        <option value="other">Other</option>
      </select>
    </span>
  );
}
