import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { forgetDetail, refreshAfterWrite } from '../api/refresh-after-write.ts';

export type TNamedObject = { id: number; name: string };

export type TDeleteFailure = { name: string; error: unknown };

/** Thrown when some of the selected objects could not be deleted; the rest were. */
export class DeleteFailedError extends Error {
  readonly failures: TDeleteFailure[];

  constructor(failures: TDeleteFailure[]) {
    super(`${failures.length} could not be deleted`);
    this.failures = failures;
  }
}

/**
 * Deletes the checked objects one by one, so one refusal (an IN_USE pool, say)
 * does not stop the others, then refreshes every configuration query.
 */
export function useDeleteSelected(
  remove: (id: number) => Promise<void>,
  detailKey: (id: number) => QueryKey,
) {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: async (objects: TNamedObject[]) => {
      const failures: TDeleteFailure[] = [];

      for (const object of objects) {
        try {
          await remove(object.id);
          forgetDetail(queryClient, detailKey(object.id));
        } catch (error) {
          failures.push({ name: object.name, error });
        }
      }
      await refreshAfterWrite(queryClient);

      if (failures.length > 0) throw new DeleteFailedError(failures);

      return objects.length;
    },
  });
}
