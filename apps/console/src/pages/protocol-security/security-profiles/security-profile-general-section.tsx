import { PropertyRow, PropertySection } from '../../../components/property-table.tsx';
import type { TFormErrors } from '../../../forms/use-form-errors.ts';
import type { TSecurityProfileDraft } from './security-profile-draft.ts';

const REMOTE_LOGGING_HELP = "also send this profile's violations to the System › Logging server";

type TGeneralSectionProps = {
  draft: TSecurityProfileDraft;
  errors: TFormErrors;
  isSystem: boolean;
  // The service profiles using it; left out on the create screen.
  assignedTo?: string[];
  onChange: (patch: Partial<TSecurityProfileDraft>) => void;
};

export function SecurityProfileGeneralSection(props: TGeneralSectionProps) {
  const { draft, errors, isSystem, assignedTo, onChange } = props;

  return (
    <PropertySection title="General Properties">
      <PropertyRow label="Profile Name" {...errors.row('name')}>
        <input
          {...errors.control('name')}
          type="text"
          required
          autoComplete="off"
          readOnly={isSystem}
          value={draft.name}
          onChange={(event) => onChange({ name: event.target.value })}
        />
        {isSystem && <span className="hint">system profile</span>}
      </PropertyRow>
      <PropertyRow label="Description" {...errors.row('description')}>
        <input
          {...errors.control('description')}
          type="text"
          className="input--wide"
          value={draft.description}
          onChange={(event) => onChange({ description: event.target.value })}
        />
      </PropertyRow>
      <PropertyRow
        label="Remote Logging"
        {...errors.row('remoteLogging')}
        help={<span className="hint">{REMOTE_LOGGING_HELP}</span>}
      >
        <label className="inline-choice">
          <input
            {...errors.control('remoteLogging')}
            type="checkbox"
            checked={draft.remoteLogging}
            onChange={(event) => onChange({ remoteLogging: event.target.checked })}
          />
          Enabled
        </label>
      </PropertyRow>
      {assignedTo && (
        <PropertyRow label="Assigned To">
          {assignedTo.length === 0
            ? <span className="hint">No service profile uses this profile.</span>
            : assignedTo.join(', ')}
        </PropertyRow>
      )}
    </PropertySection>
  );
}
