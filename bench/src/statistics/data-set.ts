// The shape of the benchmark's data set: which virtual servers and profiles exist
// and how busy each is, shared by the traffic and violation seeders.

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export type TVirtualServer = {
  name: string;
  serviceProfile: string;
  // Relative share of the traffic and of the violations.
  weight: number;
};

export const VIRTUAL_SERVERS: readonly TVirtualServer[] = [
  { name: 'vs_mx1', serviceProfile: 'smtp_inbound', weight: 0.4 },
  { name: 'vs_mx2', serviceProfile: 'smtp_inbound', weight: 0.3 },
  { name: 'vs_submission', serviceProfile: 'smtp_submission', weight: 0.2 },
  { name: 'vs_partner', serviceProfile: 'smtp_partner', weight: 0.1 },
];

export const SECURITY_PROFILES = ['smtp_security', 'smtp_strict', 'smtp_relaxed'] as const;

export type TDataSetSize = {
  // The data set ends at this minute and reaches back `days` days.
  end: Date;
  days: number;
  violations: number;
  clients: number;
};

/**
 * Mail follows the working day: a quiet night at a fifth of the midday rate. The
 * minute is UTC; the shape matters, not the time zone.
 */
export function dailyShape(time: number): number {
  const hourOfDay = (time % DAY_MS) / HOUR_MS;

  return 0.2 + 0.8 * Math.max(0, Math.sin(((hourOfDay - 6) / 24) * 2 * Math.PI)) ** 1.5;
}
