import type { TPool } from '@portcullis/contracts';
import { Link } from 'react-router';
import type { TTableSelection } from '../../../components/list-screen.tsx';
import { MemberStatusDot } from '../../../components/status-dot.tsx';
import { CheckAll, EmptyRow, SelectCell } from '../../../components/table-parts.tsx';
import { LOAD_BALANCING_LABELS, MONITOR_LABELS } from './pool-draft.ts';

type TPoolTableProps = TTableSelection & { items: TPool[] };

const COLUMNS = 7;

export function PoolTable({ items, selected, onToggle, onToggleAll }: TPoolTableProps) {
  const ids = items.map((pool) => pool.id);

  return (
    <table className="data-table" aria-label="Pools">
      <thead>
        <tr>
          <th className="data-table__check">
            <CheckAll ids={ids} selected={selected} onChange={(on) => onToggleAll(ids, on)} />
          </th>
          <th className="data-table__status">Status</th>
          <th>Name</th>
          <th>Load Balancing Method</th>
          <th>Health Monitor</th>
          <th className="data-table__number">Members</th>
          <th>Member Status</th>
        </tr>
      </thead>
      <tbody>
        {items.length === 0 && <EmptyRow columns={COLUMNS} />}
        {items.map((pool) => (
          <tr key={pool.id} className={selected.has(pool.id) ? 'is-selected' : undefined}>
            <SelectCell item={pool} selected={selected} onToggle={onToggle} />
            <td className="data-table__status">
              <MemberStatusDot status={pool.status} name={pool.name} />
            </td>
            <td>
              <Link to={`/local-traffic/pools/${pool.id}`}>{pool.name}</Link>
              {pool.description && <div className="hint">{pool.description}</div>}
            </td>
            <td>{LOAD_BALANCING_LABELS[pool.loadBalancingMethod]}</td>
            <td>{MONITOR_LABELS[pool.monitor]}</td>
            <td className="data-table__number">{pool.members.length}</td>
            <td>
              <ul className="member-status-list">
                {pool.members.map((member) => {
                  const label = `${member.address}:${member.servicePort}`;

                  return (
                    <li key={member.id}>
                      <MemberStatusDot status={member.status} name={label} />
                      <span className="mono">{label}</span>
                    </li>
                  );
                })}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
