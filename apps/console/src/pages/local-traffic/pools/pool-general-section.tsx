import { PropertyRow, PropertySection } from '../../../components/property-table.tsx';
import type { TFormErrors } from '../../../forms/use-form-errors.ts';
import { LOAD_BALANCING_LABELS, MONITOR_LABELS, type TPoolDraft } from './pool-draft.ts';

type TSectionProps = {
  draft: TPoolDraft;
  errors: TFormErrors;
  onChange: (patch: Partial<TPoolDraft>) => void;
};

export function PoolGeneralSection({ draft, errors, onChange }: TSectionProps) {
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
    </PropertySection>
  );
}

export function PoolConfigurationSection({ draft, errors, onChange }: TSectionProps) {
  const methods = Object.entries(LOAD_BALANCING_LABELS);
  const isMonitored = draft.monitor !== 'NONE';

  return (
    <PropertySection title="Configuration">
      <PropertyRow label="Load Balancing Method" {...errors.row('loadBalancingMethod')}>
        <select
          {...errors.control('loadBalancingMethod')}
          value={draft.loadBalancingMethod}
          onChange={(event) =>
            onChange({
              loadBalancingMethod: event.target.value as TPoolDraft['loadBalancingMethod'],
            })
          }
        >
          {methods.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
      </PropertyRow>
      <PropertyRow label="Health Monitor" {...errors.row('monitor')}>
        <select
          {...errors.control('monitor')}
          value={draft.monitor}
          onChange={(event) => onChange({ monitor: event.target.value as TPoolDraft['monitor'] })}
        >
          {Object.entries(MONITOR_LABELS).map(([value, label]) => (
            <option key={value} value={value}>{label}</option>
          ))}
        </select>
      </PropertyRow>
      <PropertyRow label="Monitor Interval (seconds)" {...errors.row('monitorIntervalSec')}>
        <input
          {...errors.control('monitorIntervalSec')}
          type="text"
          inputMode="numeric"
          className="input--port"
          disabled={!isMonitored}
          value={draft.monitorIntervalSec}
          onChange={(event) => onChange({ monitorIntervalSec: event.target.value })}
        />
      </PropertyRow>
      <PropertyRow label="Monitor Timeout (seconds)" {...errors.row('monitorTimeoutSec')}>
        <input
          {...errors.control('monitorTimeoutSec')}
          type="text"
          inputMode="numeric"
          className="input--port"
          disabled={!isMonitored}
          value={draft.monitorTimeoutSec}
          onChange={(event) => onChange({ monitorTimeoutSec: event.target.value })}
        />
      </PropertyRow>
    </PropertySection>
  );
}
