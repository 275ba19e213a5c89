import { PropertyRow } from '../../../components/property-table.tsx';
import { formatBytes } from '../../../format/format-count.ts';
import { formatDuration } from '../../../format/format-duration.ts';
import type { TFormErrors } from '../../../forms/use-form-errors.ts';
import type { TSettingDraft } from './security-profile-draft.ts';
import type { TSetting } from './setting-catalog.ts';

type TSettingRowProps = {
  setting: TSetting;
  value: TSettingDraft | undefined;
  errors: TFormErrors;
  onChange: (value: TSettingDraft) => void;
};

// Large defaults in seconds or bytes are easier to judge with their unit spelt out.
function formatDefault({ key, defaultValue: value }: TSetting): string {
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.join(', ');
  if (typeof value === 'boolean') return value ? 'enabled' : 'disabled';
  if (key.endsWith('Seconds') && value >= 3600) return `${value} (${formatDuration(value)})`;
  if (key.endsWith('Bytes') && value >= 1024) return `${value} (${formatBytes(value)})`;

  return String(value);
}

function formatLimits({ min, max }: TSetting): string | null {
  if (min !== undefined && max !== undefined) return `${min} to ${max}`;
  if (min !== undefined) return `at least ${min}`;

  return max === undefined ? null : `at most ${max}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The schema's description, then what the setting defaults to and may be. */
function SettingHelp({ setting }: { setting: TSetting }) {
  const limits = formatLimits(setting);

  return (
    <span className="hint hint--block setting-help">
      {setting.description && <span>{capitalise(setting.description)}. </span>}
      {setting.kind === 'list' && <span>One entry per line. </span>}
      <span className="setting-help__default">Default: {formatDefault(setting)}</span>
      {limits && <span> · Allowed: {limits}</span>}
    </span>
  );
}

export function SettingRow({ setting, value, errors, onChange }: TSettingRowProps) {
  const control = errors.control(setting.path);
  const text = typeof value === 'string' ? value : '';

  return (
    <PropertyRow
      label={setting.label}
      {...errors.row(setting.path)}
      help={<SettingHelp setting={setting} />}
    >
      {setting.kind === 'boolean' && (
        <label className="inline-choice">
          <input
            {...control}
            type="checkbox"
            checked={value === true}
            onChange={(event) => onChange(event.target.checked)}
          />
          Enabled
        </label>
      )}
      {setting.kind === 'number' && (
        <input
          {...control}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          className="input--number"
          value={text}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      {setting.kind === 'list' && (
        <textarea
          {...control}
          rows={3}
          spellCheck={false}
          value={text}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </PropertyRow>
  );
}
