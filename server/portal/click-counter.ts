import type { Platform } from '../platform/context.ts';

/**
 * 点击数 without a database write per view: views are counted in memory and added to the items in
 * one transaction every interval and when the server closes. Counts are statistics, not records,
 * so they are not audited. The displayed count is the stored one plus this process's views.
 */
export type ClickCounter = {
  /** Counts one view; returns the count to show, starting from the stored count the caller read. */
  hit(itemId: number, storedCount: number): number;
  /** Writes the pending views; resolves once written. */
  flush(): Promise<void>;
  readonly pendingViews: number;
  /** Stops the timer and writes what is pending. */
  stop(): Promise<void>;
};

export function createClickCounter(platform: Platform, options: { intervalMs?: number } = {}): ClickCounter {
  const pending = new Map<number, number>();
  const shown = new Map<number, number>();
  let flushing: Promise<void> = Promise.resolve();

  const write = async (batch: Map<number, number>): Promise<void> => {
    await platform.db.transaction().execute(async (trx) => {
      for (const [id, views] of batch) {
        await trx.updateTable('info_item').set((eb) => ({ click_count: eb('click_count', '+', views) })).where('id', '=', id).execute();
      }
    });
  };

  const flush = (): Promise<void> => {
    flushing = flushing.then(async () => {
      if (!pending.size) return;
      const batch = new Map(pending);
      pending.clear();
      try {
        await write(batch);
      } catch (error) {
        // Put the views back so the next flush tries again.
        for (const [id, views] of batch) pending.set(id, (pending.get(id) ?? 0) + views);
        platform.logger.error({ err: error }, 'click count flush failed');
      }
    });
    return flushing;
  };

  const timer = setInterval(() => void flush(), options.intervalMs ?? 30_000);
  timer.unref();

  return {
    hit(itemId, storedCount) {
      pending.set(itemId, (pending.get(itemId) ?? 0) + 1);
      const count = Math.max(shown.get(itemId) ?? 0, storedCount) + 1;
      shown.set(itemId, count);
      return count;
    },
    flush,
    get pendingViews() {
      let total = 0;
      for (const views of pending.values()) total += views;
      return total;
    },
    async stop() {
      clearInterval(timer);
      await flush();
    },
  };
}
