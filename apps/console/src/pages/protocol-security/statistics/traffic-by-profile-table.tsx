import type { TTrafficCounters, TTrafficStatistics } from '../../../api/statistics.ts';
import { formatBytes, formatCount } from '../../../format/format-count.ts';

const COUNTERS: Array<{ key: keyof TTrafficCounters; label: string }> = [
  { key: 'connections', label: 'Connections' },
  { key: 'messages', label: 'Messages' },
  { key: 'bytes', label: 'Bytes' },
  { key: 'recipients', label: 'Recipients' },
  { key: 'alarmed', label: 'Alarmed' },
  { key: 'blocked', label: 'Blocked' },
];

function CounterCells({ counters }: { counters: TTrafficCounters }) {
  return COUNTERS.map(({ key }) => (
    <td key={key} className="data-table__number">
      {key === 'bytes' ? (
        <span title={`${formatCount(counters.bytes)} bytes`}>{formatBytes(counters.bytes)}</span>
      ) : (
        formatCount(counters[key])
      )}
    </td>
  ));
}

/** Traffic per security profile (and virtual server) in the range, with the totals. */
export function TrafficByProfileTable({ traffic }: { traffic: TTrafficStatistics }) {
  return (
    <table className="data-table stats-table" aria-label="Traffic by security profile">
      <caption className="property-table__heading">Traffic by security profile</caption>
      <thead>
        <tr>
          <th>Security Profile</th>
          <th>Virtual Server</th>
          {COUNTERS.map(({ key, label }) => (
            <th key={key} className="data-table__number">{label}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {traffic.groups.length === 0 && (
          <tr className="data-table__empty">
            <td colSpan={COUNTERS.length + 2}>No traffic in this time range.</td>
          </tr>
        )}
        {traffic.groups.map((group) => (
          <tr key={`${group.securityProfile}/${group.virtualServer}`}>
            <td>{group.securityProfile}</td>
            <td>{group.virtualServer}</td>
            <CounterCells counters={group} />
          </tr>
        ))}
      </tbody>
      {traffic.groups.length > 1 && (
        <tfoot>
          <tr className="stats-table__total">
            <th scope="row" colSpan={2}>Total</th>
            <CounterCells counters={traffic.totals} />
          </tr>
        </tfoot>
      )}
    </table>
  );
}
