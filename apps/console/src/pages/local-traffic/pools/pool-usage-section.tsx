import type { TPool } from '@portcullis/contracts';
import { PropertyRow, PropertySection } from '../../../components/property-table.tsx';
import { MemberStatusDot } from '../../../components/status-dot.tsx';

/** Live availability and the virtual servers that would lose this pool on delete. */
export function PoolUsageSection({ pool }: { pool: TPool }) {
  return (
    <PropertySection title="Status">
      <PropertyRow label="Availability">
        <span className="status-cell">
          <MemberStatusDot status={pool.status} name={pool.name} />
          <span>{pool.status}</span>
        </span>
      </PropertyRow>
      <PropertyRow label="Used by">
        {pool.virtualServers.length === 0
          ? <span className="hint">No virtual server uses this pool.</span>
          : pool.virtualServers.join(', ')}
      </PropertyRow>
    </PropertySection>
  );
}
