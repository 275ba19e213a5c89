// Directory harvesting: the profile's own list of valid recipients, for sites whose
// backends accept every address at RCPT time.
import type { TSecurityProfileSettings } from '@portcullis/contracts';
import { normalizeAddress } from '../mail/address.ts';

type THarvestSettings = TSecurityProfileSettings['harvest'];

/** With a validRecipients list, any recipient not on it counts as non-existent. */
export function isRecipientUnknown(recipient: string, settings: THarvestSettings): boolean {
  if (settings.validRecipients.length === 0) return false;

  const address = normalizeAddress(recipient);

  return !settings.validRecipients.some((valid) => normalizeAddress(valid) === address);
}
