import { DASH_PATTERN, type TChartLine } from './chart-lines.ts';

/** What each line is, drawn as the line itself (colour and dash); hidden with the chart. */
export function ChartLegend({ lines }: { lines: TChartLine[] }) {
  return (
    <ul className="dash-legend" aria-hidden="true">
      {lines.map((line) => (
        <li key={line.key}>
          <svg width="22" height="8" className="dash-legend__sample">
            <line
              x1="0"
              y1="4"
              x2="22"
              y2="4"
              stroke={line.colour}
              strokeWidth={line.isFilled ? 6 : 2}
              strokeOpacity={line.isFilled ? 0.6 : 1}
              strokeDasharray={line.isDashed ? DASH_PATTERN : undefined}
            />
          </svg>
          {line.label}
        </li>
      ))}
    </ul>
  );
}
