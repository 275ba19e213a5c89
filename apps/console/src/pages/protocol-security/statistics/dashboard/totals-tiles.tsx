import { Link } from 'react-router';
import type { TDashboard, TDashboardCounters } from '../../../../api/dashboard.ts';
import { formatBytes, formatCount } from '../../../../format/format-count.ts';
import { violationListPath } from '../statistics-paths.ts';

type TTile = { key: keyof TDashboardCounters; label: string; tone?: string };

// Alarmed and Blocked carry the colour of their line in the violations chart.
const TILES: TTile[] = [
  { key: 'connections', label: 'Connections' },
  { key: 'messages', label: 'Messages' },
  { key: 'bytes', label: 'Bytes' },
  { key: 'recipients', label: 'Recipients' },
  { key: 'violations', label: 'Violations' },
  { key: 'alarmed', label: 'Alarmed', tone: 'alarmed' },
  { key: 'blocked', label: 'Blocked', tone: 'blocked' },
];

function TileValue({ dashboard, tile }: { dashboard: TDashboard; tile: TTile }) {
  const value = dashboard.totals[tile.key];

  if (tile.key === 'bytes') {
    return <span title={`${formatCount(value)} bytes`}>{formatBytes(value)}</span>;
  }
  if (tile.key === 'violations' && value > 0) {
    const to = violationListPath({ from: dashboard.from, to: dashboard.to });

    return (
      <Link to={to} aria-label={`${formatCount(value)} violations: list them`}>
        {formatCount(value)}
      </Link>
    );
  }

  return formatCount(value);
}

/** The whole window's totals in large figures, read before anything else. */
export function TotalsTiles({ dashboard }: { dashboard: TDashboard }) {
  return (
    <>
      <h2 className="visually-hidden">Totals</h2>
      <dl className="dash-tiles">
        {TILES.map((tile) => (
          <div key={tile.key} className={`dash-tile dash-tile--${tile.tone ?? 'plain'}`}>
            <dt>{tile.label}</dt>
            <dd><TileValue dashboard={dashboard} tile={tile} /></dd>
          </div>
        ))}
      </dl>
    </>
  );
}
