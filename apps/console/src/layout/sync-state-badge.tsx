import { useQuery } from '@tanstack/react-query';
import { configVersionQuery } from '../api/config-version.ts';
import { workerListQuery } from '../api/workers.ts';
import { LIVE_REFRESH_MS } from '../components/live-refresh.ts';
import { StatusDot } from '../components/status-dot.tsx';
import { summarizeSync } from './sync-state.ts';

/** The header's small "config v12 · 1 worker in sync" line, refreshed live. */
export function SyncStateBadge() {
  const version = useQuery({ ...configVersionQuery(), refetchInterval: LIVE_REFRESH_MS });
  const workers = useQuery({ ...workerListQuery(), refetchInterval: LIVE_REFRESH_MS });

  if (version.isPending || workers.isPending) {
    return <span className="sync-state">checking workers…</span>;
  }
  if (version.isError || workers.isError) {
    return (
      <span className="sync-state" role="status">
        <StatusDot tone="red" label="Sync state unknown" />
        sync state unavailable
      </span>
    );
  }
  const summary = summarizeSync(version.data.version, workers.data);

  return (
    <span className="sync-state" title={summary.detail} role="status">
      <StatusDot tone={summary.tone} label={summary.text} />
      {summary.text}
    </span>
  );
}
