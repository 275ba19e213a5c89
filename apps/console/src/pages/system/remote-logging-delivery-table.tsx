import type { TRemoteLoggingStats, TWorkerState } from '@portcullis/contracts';
import { useQuery } from '@tanstack/react-query';
import { workerListQuery } from '../../api/workers.ts';
import { LIVE_REFRESH_MS } from '../../components/live-refresh.ts';
import { formatCount } from '../../format/format-count.ts';

const COLUMNS = 5;

type TSendingWorker = TWorkerState & { remoteLogging: TRemoteLoggingStats };

function isSending(worker: TWorkerState): worker is TSendingWorker {
  return worker.isAlive && worker.remoteLogging !== null;
}

function countClass(count: number): string {
  return count > 0 ? 'data-table__number is-warning' : 'data-table__number';
}

/**
 * What each running worker has sent to the syslog server since its destination was set,
 * and what it lost: a dropped count that grows means the server is away or too slow.
 */
export function RemoteLoggingDeliveryTable() {
  const workers = useQuery({ ...workerListQuery(), refetchInterval: LIVE_REFRESH_MS });
  const sending = (workers.data ?? []).filter(isSending);

  return (
    <table className="data-table stats-table" aria-label="Syslog delivery per worker">
      <caption className="property-table__heading">Delivery</caption>
      <thead>
        <tr>
          <th>Worker</th>
          <th>Destination</th>
          <th className="data-table__number">Sent</th>
          <th className="data-table__number">Dropped</th>
          <th className="data-table__number">Queued</th>
        </tr>
      </thead>
      <tbody>
        {sending.length === 0 && (
          <tr className="data-table__empty">
            <td colSpan={COLUMNS}>
              {workers.isPending ? 'Loading…' : 'No running worker is sending to a syslog server.'}
            </td>
          </tr>
        )}
        {sending.map(({ id, remoteLogging }) => (
          <tr key={id}>
            <td>{id}</td>
            <td className="mono">{remoteLogging.destination}</td>
            <td className="data-table__number">{formatCount(remoteLogging.sent)}</td>
            <td className={countClass(remoteLogging.dropped)}>
              {formatCount(remoteLogging.dropped)}
            </td>
            <td className="data-table__number">{formatCount(remoteLogging.queued)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
