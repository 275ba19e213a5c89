import type { TVirtualServer } from '@portcullis/contracts';
import { Link } from 'react-router';
import type { TTableSelection } from '../../../components/list-screen.tsx';
import { ListenerStatusDot } from '../../../components/status-dot.tsx';
import { CheckAll, EmptyRow, SelectCell } from '../../../components/table-parts.tsx';

type TVirtualServerTableProps = TTableSelection & { items: TVirtualServer[] };

const COLUMNS = 7;

export function formatDestination(vs: TVirtualServer): string {
  const { destinationType, destinationAddress, destinationMask } = vs;

  if (destinationType === 'NETWORK') return `${destinationAddress}/${destinationMask ?? ''}`;

  return destinationAddress;
}

function formatPort(port: number): string {
  return port === 25 ? '25 (SMTP)' : String(port);
}

export function VirtualServerTable(props: TVirtualServerTableProps) {
  const { items, selected, onToggle, onToggleAll } = props;
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
            <SelectCell item={vs} selected={selected} onToggle={onToggle} />
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
