import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './api/api-error.ts';

// Live status comes from workers' 2-second heartbeats, so data older than a second is
// not worth showing without a refetch; a failed request is retried once unless the
// API gave a definite answer (4xx), which a retry would only repeat.
const STALE_TIME_MS = 1_000;
const MAX_RETRIES = 1;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: STALE_TIME_MS,
        retry: (failureCount, error) => {
          if (isApiError(error) && error.status >= 400 && error.status < 500) return false;

          return failureCount < MAX_RETRIES;
        },
      },
      mutations: { retry: false },
    },
  });
}
