/**
 * Social cards drawn in parallel: a pool of worker threads, one per core (tinypool), each running card-worker.mjs.
 * Drawing is nearly all of a card's cost and needs nothing from the page being rendered, so every card a build lacks
 * is queued at once and the pages only wait for their own.
 */
import { availableParallelism } from 'node:os';
import Tinypool from 'tinypool';
import type { CardLayout } from './social-card.ts';

export interface CardJob {
  layout: CardLayout;
  /** Where the PNG goes. */
  file: string;
}

/** Queues cards on a pool of `workerFile` threads; the pool ends once the last queued card is drawn. */
export function cardPool(workerFile: string, threads = availableParallelism()) {
  let pool: Tinypool | undefined;
  let pending = 0;
  return {
    /** Resolves once the card is in its file. */
    draw(job: CardJob): Promise<void> {
      pool ??= new Tinypool({ filename: workerFile, minThreads: 1, maxThreads: threads });
      pending++;
      const running = pool;
      return running.run(job).finally(() => {
        if (--pending === 0 && pool === running) {
          pool = undefined;
          void running.destroy();
        }
      });
    },
  };
}
