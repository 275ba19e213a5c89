import { PropertyRow, PropertySection } from '../../../components/property-table.tsx';
import { LOAD_BALANCING_LABELS, MONITOR_LABELS, type TPoolDraft } from './pool-draft.ts';
import type { TPoolSectionProps } from './pool-general-section.tsx';

/** How members are chosen and how their health is checked. */
export function PoolConfigurationSection({ draft, errors, onChange }: TPoolSectionProps) {
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
