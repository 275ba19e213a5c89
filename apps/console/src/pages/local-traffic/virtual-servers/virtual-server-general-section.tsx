import { PropertyRow, PropertySection } from '../../../components/property-table.tsx';
import type { TFormErrors } from '../../../forms/use-form-errors.ts';
import { ServicePortInput } from './service-port-input.tsx';
import type { TVirtualServerDraft } from './virtual-server-draft.ts';

type TSectionProps = {
  draft: TVirtualServerDraft;
  errors: TFormErrors;
  onChange: (patch: Partial<TVirtualServerDraft>) => void;
};

export function VirtualServerGeneralSection({ draft, errors, onChange }: TSectionProps) {
  const isNetwork = draft.destinationType === 'NETWORK';

  return (
    <PropertySection title="General Properties">
      <PropertyRow label="Name" {...errors.row('name')}>
        <input
          {...errors.control('name')}
          type="text"
          required
          autoComplete="off"
          value={draft.name}
          onChange={(event) => onChange({ name: event.target.value })}
        />
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
      {/* A radio group is named by its own aria-label, so the row label is plain text. */}
      <PropertyRow label="Destination Type" {...errors.row('destinationType')} htmlFor={undefined}>
        <div className="radio-group" role="radiogroup" aria-label="Destination Type">
          {(['HOST', 'NETWORK'] as const).map((type) => (
            <label key={type} className="inline-choice">
              <input
                type="radio"
                name="destinationType"
                id={type === 'HOST' ? errors.control('destinationType').id : undefined}
                value={type}
                checked={draft.destinationType === type}
                onChange={() => onChange({ destinationType: type })}
              />
              {type === 'HOST' ? 'Host' : 'Network'}
            </label>
          ))}
        </div>
      </PropertyRow>
      <PropertyRow label="Destination Address" {...errors.row('destinationAddress')}>
        <input
          {...errors.control('destinationAddress')}
          type="text"
          required
          autoComplete="off"
          spellCheck={false}
          placeholder={isNetwork ? '192.0.2.0' : '192.0.2.10'}
          value={draft.destinationAddress}
          onChange={(event) => onChange({ destinationAddress: event.target.value })}
        />
      </PropertyRow>
      {isNetwork && (
        <PropertyRow label="Mask" {...errors.row('destinationMask')}>
          <input
            {...errors.control('destinationMask')}
            type="text"
            required
            spellCheck={false}
            placeholder="255.255.255.0"
            value={draft.destinationMask}
            onChange={(event) => onChange({ destinationMask: event.target.value })}
          />
        </PropertyRow>
      )}
      <PropertyRow label="Service Port" {...errors.row('servicePort')}>
        <ServicePortInput
          inputProps={errors.control('servicePort')}
          value={draft.servicePort}
          onChange={(servicePort) => onChange({ servicePort })}
        />
      </PropertyRow>
      <PropertyRow label="State" {...errors.row('enabled')}>
        <select
          {...errors.control('enabled')}
          value={draft.enabled ? 'enabled' : 'disabled'}
          onChange={(event) => onChange({ enabled: event.target.value === 'enabled' })}
        >
          <option value="enabled">Enabled</option>
          <option value="disabled">Disabled</option>
        </select>
      </PropertyRow>
    </PropertySection>
  );
}
