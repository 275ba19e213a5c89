import { AppError } from '../../errors/app-error.ts';
import type { TPoolMemberFields } from '../../schemas/pool-schemas.ts';

/** A pool lists each address and port once; the second listing is the field at fault. */
export function assertMembersUnique(members: TPoolMemberFields[]): void {
  const seen = new Set<string>();

  for (const [index, member] of members.entries()) {
    const key = `${member.address}:${member.servicePort}`;
    if (seen.has(key)) {
      throw new AppError('VALIDATION_FAILED', `member ${key} is listed twice; list it once`, {
        field: `members.${index}.address`,
      });
    }
    seen.add(key);
  }
}
