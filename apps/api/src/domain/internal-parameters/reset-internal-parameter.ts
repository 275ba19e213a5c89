import type { InternalParameter } from '@portcullis/db';
import type { TDb } from '../../db.ts';
import { getInternalParameter } from './get-internal-parameter.ts';

export async function resetInternalParameter(db: TDb, name: string): Promise<InternalParameter> {
  const row = await getInternalParameter(db, name);

  return db.internalParameter.update({ where: { name }, data: { value: row.defaultValue } });
}
