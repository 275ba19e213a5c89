import type { TVirtualServer } from '@portcullis/contracts';
import { PropertyRow, PropertySection } from '../../../components/property-table.tsx';
import { ListenerStatusDot } from '../../../components/status-dot.tsx';

/** Live listener state as the workers report it; refreshed with the detail query. */
export function VirtualServerStatusSection({ virtualServer }: { virtualServer: TVirtualServer }) {
  const { status, statusReason } = virtualServer;

  return (
    <PropertySection title="Status">
      <PropertyRow label="Availability">
        <span className="status-cell">
          <ListenerStatusDot status={status} reason={statusReason} />
          <span>{status}</span>
          {statusReason && <span className="hint">{statusReason}</span>}
        </span>
      </PropertyRow>
    </PropertySection>
  );
}
