/**
 * Group commit: writes that arrive while a batch is being committed go together in the next one.
 * On SQLite every commit waits for an fsync of the WAL (synchronous=FULL, db.ts), a few
 * milliseconds that block the process, so one commit per webhook caps the intake at a few hundred a
 * second; one commit per batch does not. Each caller still gets its answer only once its own rows
 * are committed (invariant 2). A batch that fails is written again one item at a time, so an item
 * that cannot be written (its company uninstalled in between, say) fails alone.
 *
 * `write` gets the items of one batch and returns one result per item, in order.
 */
export type GroupCommit<I, O> = (item: I) => Promise<O>;

interface Waiting<I, O> {
  item: I;
  resolve(value: O): void;
  reject(error: unknown): void;
}

/** Largest batch: bounds one transaction's time (and what a failed batch re-writes one by one). */
const MAX_BATCH = 500;

export function createGroupCommit<I, O>(write: (items: I[]) => Promise<O[]>): GroupCommit<I, O> {
  let waiting: Waiting<I, O>[] = [];
  let flushing = false;

  async function flush(): Promise<void> {
    flushing = true;
    while (waiting.length > 0) {
      const batch = waiting.slice(0, MAX_BATCH);
      waiting = waiting.slice(MAX_BATCH);
      try {
        const results = await write(batch.map((entry) => entry.item));
        batch.forEach((entry, index) => entry.resolve(results[index] as O));
      } catch (error) {
        if (batch.length === 1) batch[0]?.reject(error);
        else
          for (const entry of batch)
            await write([entry.item]).then(
              ([result]) => entry.resolve(result as O),
              (alone: unknown) => entry.reject(alone),
            );
      }
    }
    flushing = false;
  }

  return (item) =>
    new Promise<O>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      // The first item of a batch waits for the rest of this turn of the event loop (requests
      // parsed in the same turn join it); later ones join while a batch is being committed.
      if (!flushing && waiting.length === 1) setImmediate(() => void flush());
    });
}
