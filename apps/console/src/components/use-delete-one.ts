import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { forgetDetail, refreshAfterWrite } from '../api/refresh-after-write.ts';

/**
 * Delete from an edit screen: ask, delete, refresh, go back to the list. A refusal
 * (409 IN_USE, say) stays on the screen as the mutation's error.
 */
export function useDeleteOne(remove: () => Promise<void>, detailKey: QueryKey, listPath: string) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [isConfirming, setIsConfirming] = useState(false);
  const mutation = useMutation({
    mutationFn: remove,
    onSuccess: () => refreshAfterWrite(queryClient, detailKey),
    onSettled: () => setIsConfirming(false),
  });

  function confirm() {
    mutation.mutate(undefined, {
      onSuccess: async () => {
        await navigate(listPath);
        forgetDetail(queryClient, detailKey);
      },
    });
  }

  function ask() {
    mutation.reset();
    setIsConfirming(true);
  }

  return { isConfirming, ask, cancel: () => setIsConfirming(false), confirm, mutation };
}
