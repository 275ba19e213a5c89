// The shared counters of the checks: in memory for a single worker, in Redis when several
// workers must count together (DESIGN.md, "Scale-out").
import {
  createMemoryCounterStore,
  createRedisCounterStore,
  type TCounterStore,
} from '@portcullis/policy';
import type { TLogger } from '../logging/create-logger.ts';

const READY_TIMEOUT_MS = 5_000;

export function createCounterStore(redisUrl: string | null, logger: TLogger): TCounterStore {
  if (!redisUrl) return createMemoryCounterStore();

  const counterLogger = logger.child({ component: 'counters' });
  const store = createRedisCounterStore(redisUrl, { logger: counterLogger });
  // Not awaited: the worker serves without Redis too. Rate limits and harvest counting fail
  // open meanwhile, greylisting answers 451 (see @portcullis/policy's README).
  store.ready(READY_TIMEOUT_MS).then(
    () => counterLogger.info({ store: 'redis' }, 'counters ready'),
    (error: Error) => {
      counterLogger.warn({ code: 'COUNTERS_UNAVAILABLE', err: error.message }, 'redis not ready');
    },
  );

  return store;
}
