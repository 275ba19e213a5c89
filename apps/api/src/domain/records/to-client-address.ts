import { AppError } from '../../errors/app-error.ts';
import { canonicalAddress } from '../shared/network-address.ts';

/** A record's client address in the canonical form filters compare against. */
export function toClientAddress(value: string, field: string): string {
  const address = canonicalAddress(value);
  if (address !== undefined) return address;

  throw new AppError('VALIDATION_FAILED', `${field}: "${value}" is not an IP address`, { field });
}
