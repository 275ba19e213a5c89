import type { TDb } from '../../db.ts';
import { isAppError } from '../../errors/app-error.ts';
import { recordAuditEntry, type TAuditActor } from './record-audit-entry.ts';

/** What the audit log says of a configuration change. */
export type TConfigAudit = {
  action: 'create' | 'update' | 'delete';
  // 'pool', 'virtual-server', 'security-profile', 'dns', ...
  objectType: string;
  // By default the `name` of the object after the change, or before it.
  objectName?: string;
  // Reads the object as it was, for `before`; the change's result is `after`.
  readBefore?: (db: TDb) => Promise<unknown>;
};

function nameOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;

  const name = (value as { name?: unknown }).name;

  return typeof name === 'string' ? name : undefined;
}

// A missing object is the change's to report, in its own words: `before` is then empty.
async function readBefore(db: TDb, audit: TConfigAudit): Promise<unknown> {
  if (!audit.readBefore) return null;

  try {
    return await audit.readBefore(db);
  } catch (error) {
    if (isAppError(error)) return null;
    throw error;
  }
}

/**
 * Wraps a configuration change so that it writes its audit entry, before and
 * after, in the change's own transaction.
 */
export function auditConfigChange<T>(
  change: (db: TDb) => Promise<T>,
  audit: TConfigAudit,
  who: TAuditActor,
): (db: TDb) => Promise<T> {
  return async (db) => {
    const before = await readBefore(db, audit);
    const result = await change(db);
    const after = audit.action === 'delete' ? null : result;
    const objectName = audit.objectName ?? nameOf(after) ?? nameOf(before) ?? audit.objectType;

    await recordAuditEntry(db, who, { ...audit, objectName, before, after });

    return result;
  };
}
