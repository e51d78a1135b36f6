/**
 * One at a time per key, within this process: a call for a key waits until the previous call for
 * it has settled, whatever its outcome, then runs. For the token refreshes that need no lock across
 * processes (Pipedrive does not rotate refresh tokens) and for the in-memory token stores.
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    // A tail never rejects (see `settled`), so `work` runs once the previous call is done.
    const turn = previous.then(work);
    const settled = turn.catch(() => undefined);
    this.tails.set(key, settled);
    try {
      return await turn;
    } finally {
      if (this.tails.get(key) === settled) this.tails.delete(key);
    }
  }
}
