// Disallowed methods: a command on the profile's disallowed list, or, when the allowed list
// is not empty, one missing from it. Compared by verb alone, in any letter case.
import type { TSecurityProfileSettings } from '@portcullis/contracts';
import type { TViolationFound } from '../results/check-result.ts';

type TMethodSettings = TSecurityProfileSettings['methods'];

/**
 * `command` may be the verb ("vrfy") or the whole command line ("VRFY postmaster\r\n"); only
 * its first word counts. QUIT, RSET and the rest are refused too when an allowed list leaves
 * them out: the list is taken as written.
 */
export function checkMethod(command: string, settings: TMethodSettings): TViolationFound | null {
  const verb = readVerb(command);
  if (verb === '') return null;

  if (settings.disallowed.some((listed) => listed.toUpperCase() === verb)) {
    return { violation: 'disallowed_method', detail: `${verb} is on the disallowed list` };
  }

  const isAllowed = settings.allowed.some((listed) => listed.toUpperCase() === verb);
  if (settings.allowed.length > 0 && !isAllowed) {
    return { violation: 'disallowed_method', detail: `${verb} is not on the allowed list` };
  }

  return null;
}

function readVerb(command: string): string {
  const [first = ''] = command.trim().split(/\s+/, 1);

  return first.toUpperCase();
}
