import { AppError } from '../../errors/app-error.ts';

/**
 * Refuses a name another object of the same kind holds. `holder` is the object
 * found under that name; `selfId` lets an object keep its own name on update.
 */
export function assertNameFree(
  kind: string,
  name: string,
  holder: { id: number } | null,
  selfId?: number,
): void {
  if (!holder || holder.id === selfId) return;

  throw new AppError('NAME_TAKEN', `a ${kind} named "${name}" already exists; pick another name`, {
    field: 'name',
  });
}
