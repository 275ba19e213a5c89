import {
  API_TOKEN_PREFIX,
  hasRole,
  type TApiTokenCreated,
  type TApiTokenInput,
} from '@portcullis/contracts';
import type { TPrincipal } from '../../auth/principal.ts';
import { hashSecret, newSecret } from '../../auth/secret-token.ts';
import type { TPrisma } from '../../db.ts';
import { AppError } from '../../errors/app-error.ts';
import { recordAuditEntry, type TAuditActor } from '../audit/record-audit-entry.ts';
import { toApiTokenView } from './to-api-token-view.ts';

const DAY_MS = 86_400_000;

/**
 * A new API token for the caller, with a role no higher than the caller's own
 * (a token cannot hand out more than its maker has). The token is returned once.
 */
export async function createApiToken(
  prisma: TPrisma,
  caller: TPrincipal,
  input: TApiTokenInput,
  who: TAuditActor,
): Promise<TApiTokenCreated> {
  if (!hasRole(caller.role, input.role)) {
    throw new AppError('ROLE_TOO_HIGH', `a token's role cannot exceed yours (${caller.role})`, {
      field: 'role',
    });
  }

  const token = `${API_TOKEN_PREFIX}${newSecret()}`;
  const expiresAt = new Date(Date.now() + input.expiresInDays * DAY_MS);

  return prisma.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: {
        userId: caller.userId,
        name: input.name,
        role: input.role,
        expiresAt,
        tokenHash: hashSecret(token),
      },
    });
    const view = toApiTokenView(row);
    await recordAuditEntry(tx, who, {
      action: 'create',
      objectType: 'token',
      objectName: `${caller.username}/${row.name}`,
      after: view,
    });

    const { id, name, role, createdAt } = view;

    return { id, name, role, createdAt, expiresAt: view.expiresAt, token };
  });
}
