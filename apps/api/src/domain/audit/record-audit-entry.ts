import type { TAuditAction } from '@portcullis/contracts';
import { Prisma } from '@portcullis/db';
import type { TDb } from '../../db.ts';
import { redactSecrets } from './redact-secrets.ts';

/** Who made a change and from where, as the audit log names them. */
export type TAuditActor = { actor: string; address: string };

export type TAuditChange = {
  action: TAuditAction;
  objectType: string;
  objectName: string;
  before?: unknown;
  after?: unknown;
};

function toJson(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  if (value === undefined || value === null) return Prisma.DbNull;

  return JSON.parse(JSON.stringify(redactSecrets(value))) as Prisma.InputJsonValue;
}

/**
 * Appends one entry to the audit log. Pass the transaction of the change itself,
 * so the entry is written if and only if the change is.
 */
export async function recordAuditEntry(db: TDb, who: TAuditActor, change: TAuditChange) {
  await db.auditEntry.create({
    data: {
      actor: who.actor,
      address: who.address,
      action: change.action,
      objectType: change.objectType,
      objectName: change.objectName.slice(0, 200),
      before: toJson(change.before),
      after: toJson(change.after),
    },
  });
}
