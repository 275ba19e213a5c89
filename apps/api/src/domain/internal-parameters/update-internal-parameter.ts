import type { InternalParameter } from '@portcullis/db';
import type { TDb } from '../../db.ts';
import { getInternalParameter } from './get-internal-parameter.ts';
import { toParameterValue } from './to-parameter-value.ts';

/** Sets a parameter's value; its name, default and description belong to the release. */
export async function updateInternalParameter(
  db: TDb,
  name: string,
  text: string,
): Promise<InternalParameter> {
  await getInternalParameter(db, name);
  const value = toParameterValue(name, text);

  return db.internalParameter.update({ where: { name }, data: { value } });
}
