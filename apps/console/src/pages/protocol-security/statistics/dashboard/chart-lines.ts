import type { TDashboardCounters } from '../../../../api/dashboard.ts';

export type TChartLine = {
  key: keyof TDashboardCounters;
  label: string;
  colour: string;
  // Told apart by dash as well as by colour, for readers who see no difference.
  isDashed?: boolean;
  isFilled?: boolean;
};

// Each colour has at least 4.5:1 contrast on white, so thin lines stay visible.
export const MESSAGE_LINES: TChartLine[] = [
  { key: 'messages', label: 'Messages', colour: '#2a64b0', isFilled: true },
];

export const VIOLATION_LINES: TChartLine[] = [
  { key: 'alarmed', label: 'Alarmed', colour: '#a35200', isDashed: true },
  { key: 'blocked', label: 'Blocked', colour: '#c41a1a' },
];

export const DASH_PATTERN = '5 3';
