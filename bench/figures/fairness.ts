/**
 * Issue 12, one organisation's backlog never starves the others: company A moves `backlog` deals
 * to its trigger stage, then company B (another Xero organisation) moves `deals`; the figure is
 * the time until B's drafts exist, against the same number of B's deals alone. The app (embedded,
 * SQLite, the default WORKER_CONCURRENCY, Xero's own limits) and both sandboxes run on one clock `rate` times
 * faster than real time, as in burst.ts; times are that clock's.
 *
 * B's organisation is read once by a warm-up batch first (its reference data, a new item), so that
 * "alone" and "behind A" are both B at work, not B's very first document.
 */
import { startAppKit } from '../../test/support/app-kit.js';
import {
  draftsOf,
  moveAll,
  prepareFairness,
  type Side,
  whenDrafted,
} from '../../test/support/fairness.js';

export interface FairnessFigures {
  bSeconds: number;
  bAloneSeconds: number;
  ratio: number;
  /** A's drafts when B's were all made. */
  aDraftedWhenBDone: number;
  aSeconds: number;
  aLost: number;
  duplicates: number;
}

const DAY = String(24 * 3_600_000);

export async function measureFairness(options: {
  backlog: number;
  deals: number;
  rate: number;
  /** WORKER_CONCURRENCY; default the app's own. */
  concurrency?: number;
}): Promise<FairnessFigures> {
  const kit = await startAppKit({
    sharedClock: true,
    env: {
      QUEUE_LEASE_MS: DAY,
      CATCH_UP_INTERVAL_MS: DAY,
      ...(options.concurrency !== undefined && { WORKER_CONCURRENCY: String(options.concurrency) }),
    },
  });
  try {
    const { a, b } = await prepareFairness(kit, { a: options.backlog, b: 3 * options.deals });
    const part = (i: number): Side => ({
      ...b,
      ids: b.ids.slice(i * options.deals, (i + 1) * options.deals),
    });
    const [warmUp, alone, behindA] = [part(0), part(1), part(2)];
    const clock = kit.sandboxes.pipedrive.sandbox.clock;
    const fast = { timeoutMs: 600_000, pollMs: 20 };
    clock.setRate(options.rate);
    await moveAll(kit, warmUp);
    await whenDrafted(kit, warmUp, fast);
    // Fresh windows for both organisations, as after a quiet hour.
    clock.advance(2 * 60_000);
    const aloneFrom = clock.now();
    await moveAll(kit, alone);
    const aloneDone = await whenDrafted(kit, alone, fast);
    clock.advance(2 * 60_000);
    const aFrom = clock.now();
    await moveAll(kit, a);
    const bFrom = clock.now();
    await moveAll(kit, behindA);
    const bDone = await whenDrafted(kit, behindA, { ...fast, other: a });
    const aDone = await whenDrafted(kit, a, { timeoutMs: 900_000, pollMs: 250 });
    clock.setRate(1);
    const counts = [...(await draftsOf(kit, a)).values(), ...(await draftsOf(kit, b)).values()];
    const bSeconds = (bDone.atMs - bFrom) / 1000;
    const bAloneSeconds = (aloneDone.atMs - aloneFrom) / 1000;
    return {
      bSeconds: round(bSeconds),
      bAloneSeconds: round(bAloneSeconds),
      ratio: round(bSeconds / bAloneSeconds),
      aDraftedWhenBDone: bDone.otherDrafted,
      aSeconds: round((aDone.atMs - aFrom) / 1000),
      aLost: a.ids.length - (await draftsOf(kit, a)).size,
      duplicates: counts.reduce((sum, n) => sum + n - 1, 0),
    };
  } finally {
    await kit.close();
  }
}

const round = (value: number) => Math.round(value * 100) / 100;
