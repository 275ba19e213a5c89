import fp from 'fastify-plugin';
import { pruneRecords, type TRetention } from '../domain/records/prune-records.ts';

export type TRetentionJobOptions = {
  retention: TRetention;
  // Time between the end of one run and the start of the next.
  intervalMs: number;
  // The first run waits this long after start-up, so it never slows it.
  firstRunAfterMs?: number;
};

const FIRST_RUN_AFTER_MS = 30_000;

/**
 * Prunes records older than the retention policy, now and then, in the
 * background. Runs never overlap; closing the app waits for the one under way.
 */
export const retentionJobPlugin = fp<TRetentionJobOptions>(
  async (fastify, options) => {
    const log = fastify.log.child({ component: 'retention' });
    let timer: NodeJS.Timeout | undefined;
    let running: Promise<void> | undefined;
    let isClosing = false;

    const run = async () => {
      const startedAt = Date.now();
      try {
        const pruned = await pruneRecords(fastify.prisma, options.retention);
        const rows = Object.values(pruned).reduce((sum, count) => sum + count, 0);
        const fields = { pruned, ms: Date.now() - startedAt };
        if (rows > 0) log.info(fields, 'records pruned');
        else log.debug(fields, 'nothing to prune');
      } catch (error) {
        // The next run tries again; a database that is down is reported elsewhere too.
        log.error({ err: error }, 'pruning records failed');
      }
    };

    const schedule = (delayMs: number) => {
      if (isClosing) return;

      timer = setTimeout(() => {
        running = run().finally(() => {
          running = undefined;
          schedule(options.intervalMs);
        });
      }, delayMs);
      timer.unref();
    };

    fastify.addHook('onReady', async () => schedule(options.firstRunAfterMs ?? FIRST_RUN_AFTER_MS));
    fastify.addHook('onClose', async () => {
      isClosing = true;
      clearTimeout(timer);
      await running;
    });
  },
  { name: 'retention-job', dependencies: ['prisma'] },
);
