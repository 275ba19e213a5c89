import { VIOLATIONS } from '@portcullis/contracts';

/** A violation as the console names it; an unknown name is shown as it is. */
export function labelViolation(violation: string): string {
  return violation in VIOLATIONS
    ? VIOLATIONS[violation as keyof typeof VIOLATIONS].label
    : violation;
}
