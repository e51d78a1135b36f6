import { performance } from 'node:perf_hooks';

import type { Logger } from '../logger.js';
import type { Db } from '../store/db.js';
import {
  beatWorker,
  lockHolders,
  removeStaleWorkers,
  removeWorker,
} from '../store/repos/worker-heartbeats.js';

/**
 * Dead-worker takeover for graphile-worker within the lease (QUEUE_LEASE_MS), where graphile by
 * itself frees a crashed worker's jobs only when their lock is 4 hours old
 * (https://worker.graphile.org/docs/admin-functions).
 *
 * Every started queue keeps a heartbeat for the pool it runs now (graphile writes the pool's id into
 * `locked_by` of the jobs it takes), renewed every third of the lease. It also looks for pools that
 * hold jobs and have shown no sign of life — no heartbeat and no new lock — for a whole lease, and
 * frees their jobs with graphile's `forceUnlockWorkers`, so that any worker takes them again. A job
 * that runs longer than the lease in a live worker keeps its lock: its pool keeps beating.
 *
 * A queue judges others only once its own heartbeats have gone through for half a lease: after an
 * outage that stopped every worker's heartbeat, each live one tries again every third of a lease,
 * so it has beaten by then. (A whole lease, as before, let a dead pool's jobs wait up to two when
 * the survivors had just restarted: 22.4 s with a 15 s lease in the fault campaign.)
 *
 * States: beating (judging once healthy for half a lease; back to not judging after a failed beat)
 * → stopped (its heartbeat removed).
 */
export interface TakeoverOptions {
  db: Db;
  /** graphile-worker's schema, where its `jobs` view is. */
  schema: string;
  leaseMs: number;
  /** The pool this process runs now; undefined while its runner is being restarted. */
  currentWorker: () => string | undefined;
  /** graphile's WorkerUtils.forceUnlockWorkers. */
  unlock: (workerIds: string[]) => Promise<void>;
  logger?: Logger | undefined;
  /** Monotonic ms; performance.now by default. */
  now?: () => number;
}

export interface Takeover {
  /** Stops beating and judging; removes this process's heartbeat. */
  stop(): Promise<void>;
}

/** Shortest wait between two looks, so that a lock about to expire is not polled in a loop. */
const MIN_WAIT_MS = 50;

export function startTakeover(options: TakeoverOptions): Takeover {
  const { db, schema, leaseMs, currentWorker, unlock, logger } = options;
  const now = options.now ?? (() => performance.now());
  const beatEveryMs = leaseMs / 3;
  const probationMs = leaseMs / 2;
  let healthySince: number | undefined;
  let beating: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  let ticking: Promise<void> | undefined;
  let stopped = false;

  /** One beat and, once healthy for half a lease, one look; resolves with the wait until the next. */
  async function tick(): Promise<number> {
    const worker = currentWorker();
    try {
      if (worker !== undefined) await beatWorker(db, worker);
      beating = worker;
      healthySince ??= now();
    } catch (error) {
      healthySince = undefined;
      logger?.warn({ err: error }, 'job queue: heartbeat failed; will try again');
      return beatEveryMs;
    }
    const untilJudging = healthySince + probationMs - now();
    if (untilJudging > 0) return Math.min(beatEveryMs, untilJudging);
    try {
      const others = (await lockHolders(db, schema, leaseMs)).filter(
        (holder) => holder.workerId !== worker,
      );
      const dead = others.filter((holder) => holder.deadInMs <= 0).map((holder) => holder.workerId);
      if (dead.length > 0) {
        await unlock(dead);
        logger?.warn({ workers: dead }, 'job queue: freed the jobs of dead workers');
      }
      await removeStaleWorkers(db, leaseMs);
      const nextDeath = Math.min(
        ...others.filter((holder) => holder.deadInMs > 0).map((holder) => holder.deadInMs),
      );
      return Math.min(beatEveryMs, nextDeath);
    } catch (error) {
      logger?.warn({ err: error }, 'job queue: looking for dead workers failed; will try again');
      return beatEveryMs;
    }
  }

  function schedule(waitMs: number): void {
    if (stopped) return;
    timer = setTimeout(
      () => {
        ticking = tick().then(schedule);
      },
      Math.max(MIN_WAIT_MS, waitMs),
    );
    // The runner keeps the process alive, not this timer.
    timer.unref();
  }

  ticking = tick().then(schedule);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await ticking;
      if (beating === undefined) return;
      await removeWorker(db, beating).catch((error: unknown) =>
        logger?.warn({ err: error }, 'job queue: removing the heartbeat failed'),
      );
    },
  };
}
