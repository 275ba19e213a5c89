import type { TVirtualServer } from '@portcullis/contracts';
import { Link } from 'react-router';
import { ListenerStatusDot } from '../../../components/status-dot.tsx';
import { CheckAll, EmptyRow } from '../../../components/table-parts.tsx';

type TVirtualServerTableProps = {
  items: TVirtualServer[];
  selected: ReadonlySet<number>;
  onToggle: (id: number) => void;
  onToggleAll: (ids: number[], isChecked: boolean) => void;
};

const COLUMNS = 7;

export function formatDestination(vs: TVirtualServer): string {
  if (vs.destinationType === 'NETWORK') return `${vs.destinationAddress}/${vs.destinationMask ?? ''}`;

  return vs.destinationAddress;
}

function formatPort(port: number): string {
  return port === 25 ? '25 (SMTP)' : String(port);
}

export function VirtualServerTable({ items, selected, onToggle, onToggleAll }: TVirtualServerTableProps) {
  const ids = items.map((vs) => vs.id);

  return (
    <table className="data-table" aria-label="Virtual servers">
      <thead>
        <tr>
          <th className="data-table__check">
            <CheckAll ids={ids} selected={selected} onChange={(on) => onToggleAll(ids, on)} />
          </th>
          <th className="data-table__status">Status</th>
          <th>Name</th>
          <th>Destination</th>
          <th>Service Port</th>
          <th>Pool</th>
          <th>SMTP Profile</th>
        </tr>
      </thead>
      <tbody>
        {items.length === 0 && <EmptyRow columns={COLUMNS} />}
        {items.map((vs) => (
          <tr key={vs.id} className={selected.has(vs.id) ? 'is-selected' : undefined}>
            <td className="data-table__check">
              <input
                type="checkbox"
                aria-label={`Select ${vs.name}`}
                checked={selected.has(vs.id)}
                onChange={() => onToggle(vs.id)}
              />
            </td>
            <td className="data-table__status">
              <ListenerStatusDot status={vs.status} reason={vs.statusReason} />
            </td>
            <td>
              <Link to={`/local-traffic/virtual-servers/${vs.id}`}>{vs.name}</Link>
              {vs.description && <div className="hint">{vs.description}</div>}
            </td>
            <td className="mono">{formatDestination(vs)}</td>
            <td>{formatPort(vs.servicePort)}</td>
            <td>{vs.defaultPool ?? <span className="hint">None</span>}</td>
            <td>{vs.serviceProfile ?? <span className="hint">None</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
