import type { CampaignStore } from './store.js';

/**
 * How long a dead worker's jobs stayed taken: every second, the pools holding jobs (graphile's, or
 * the embedded queue's worker id in SQLite mode while its lease runs: an expired lease is free to any
 * worker, which then takes it like a queued job as soon as it has a free slot) are compared with the pools the supervisor saw end
 * (their process killed or crashed, their runner stopped by a lost database). An ended pool still holding jobs is a stall; it lasts from
 * the pool's end until no job names it, which the app's takeover should bring within its lease
 * (QUEUE_LEASE_MS; after an outage that stopped every heartbeat too: a survivor judges others once
 * its own heartbeat has held for half a lease, src/queue/graphile-takeover.ts).
 */
export interface OrphanSummary {
  /** Ended pools seen holding jobs. */
  pools: number;
  /** Longest time from a pool's end to its jobs freed (or to the end, if still held), in seconds. */
  maxSeconds: number;
  /** Ended pools still holding jobs at the end. */
  stillHeld: number;
}

export interface OrphanWatch {
  stop(): Promise<OrphanSummary>;
}

export function watchOrphans(
  store: Pick<CampaignStore, 'lockedPools'>,
  deadPools: ReadonlyMap<string, number>,
  everyMs = 1_000,
): OrphanWatch {
  /** Ended pool → when it was last seen holding a job. */
  const held = new Map<string, number>();
  let current = new Set<string>();
  let stopped = false;
  const look = async () => {
    const pools = await store.lockedPools().catch(() => undefined);
    if (pools === undefined) return; // the database is being disrupted: look again next time
    const now = Date.now();
    current = new Set(pools.filter((pool) => deadPools.has(pool)));
    for (const pool of current) held.set(pool, now);
  };
  const loop = (async () => {
    while (!stopped) {
      await look();
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      await look();
      let maxMs = 0;
      for (const [pool, lastSeen] of held)
        maxMs = Math.max(maxMs, lastSeen - (deadPools.get(pool) ?? lastSeen));
      return {
        pools: held.size,
        maxSeconds: Math.round(maxMs / 100) / 10,
        stillHeld: current.size,
      };
    },
  };
}
