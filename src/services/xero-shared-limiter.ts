import { randomUUID } from 'node:crypto';

import { type Db, withTransaction } from '../store/db.js';
import {
  countRateSlots,
  freeRateSlot,
  lockRateBudgets,
  saveRateBudgets,
  takeRateSlot,
} from '../store/repos/xero-rate.js';
import { currentXeroLane } from '../xero/lane.js';
import {
  admit,
  type Budget,
  decide,
  DEFAULT_RESERVE,
  deferral,
  emptyBudget,
  observe,
  type XeroLane,
} from '../xero/rate-budget.js';
import {
  limitsOf,
  sleepOf,
  type TenantLimiterOptions,
  type XeroTenantLimiter,
} from '../xero/rate-limiter.js';

/**
 * Xero's limits kept for every process of the app together (scale-out, PostgreSQL): N `worker`
 * and `serve` processes send no more than one process may (docs/vendors/xero.md §7). The rules are
 * xero/rate-budget.ts; the state is in the store (migration 0009): each budget's windows, locked
 * while a call is admitted or answered, and a leased row per call in flight.
 *
 * Under crashes: a process killed mid-call leaves its slot until the lease (SLOT_LEASE_MS, longer
 * than a call's timeout) runs out, and the call stays counted in its windows, as Xero counted it.
 *
 * Within a process, callers of one tenant wait in two FIFO queues, the interactive one first, and
 * only the head asks the store; it sleeps until the window it waits for ends, or polls briefly
 * while every slot is taken (another process's release is not signalled).
 */
export interface SharedLimiterOptions extends TenantLimiterOptions {
  db: Db;
}

/** Longer than a call's timeout (xero/transport.ts, 30 s), so a live call never loses its slot. */
const SLOT_LEASE_MS = 60_000;
/** How often a head waiting for a slot taken by another process looks again. */
const SLOT_POLL_MS = 50;
const APP_KEY = 'app';
const EMPTY = JSON.stringify(emptyBudget());

type Admission =
  { ok: true; slotId: string; opened: number | undefined } | { ok: false; retryAtMs?: number };

interface Waiter {
  resolve(admission: { slotId: string; opened: number | undefined }): void;
  reject(error: unknown): void;
}

interface TenantQueue {
  queues: Record<XeroLane, Waiter[]>;
  serving: boolean;
  wake?: () => void;
}

export function createSharedTenantLimiter(options: SharedLimiterOptions): XeroTenantLimiter {
  const { db } = options;
  const limits = limitsOf(options);
  const reserve = options.reserve ?? DEFAULT_RESERVE;
  const sleep = sleepOf(options);
  const now = () => options.clock.now();
  const tenants = new Map<string, TenantQueue>();
  const keyOf = (tenantId: string) => `tenant:${tenantId}`;

  /** One transaction on both budgets: `change` edits them; they are saved afterwards. */
  async function withBudgets<T>(
    tenantId: string,
    change: (tenant: Budget, app: Budget, trx: Db) => Promise<T>,
  ): Promise<T> {
    const key = keyOf(tenantId);
    return withTransaction(db, async (trx) => {
      const states = await lockRateBudgets(trx, [APP_KEY, key], EMPTY);
      const tenant = JSON.parse(states.get(key) ?? EMPTY) as Budget;
      const app = JSON.parse(states.get(APP_KEY) ?? EMPTY) as Budget;
      const result = await change(tenant, app, trx);
      await saveRateBudgets(
        trx,
        new Map([
          [key, JSON.stringify(tenant)],
          [APP_KEY, JSON.stringify(app)],
        ]),
      );
      return result;
    });
  }

  function tryAdmit(tenantId: string, lane: XeroLane): Promise<Admission> {
    return withBudgets(tenantId, async (tenant, app, trx): Promise<Admission> => {
      const at = now();
      const inFlight = await countRateSlots(trx, keyOf(tenantId), at);
      const decision = decide(tenant, app, inFlight, lane, at.getTime(), limits, reserve);
      if (!decision.ok) return 'slot' in decision ? { ok: false } : decision;
      const { opensWindow } = admit(tenant, app, at.getTime());
      const slotId = randomUUID();
      await takeRateSlot(trx, {
        id: slotId,
        key: keyOf(tenantId),
        leaseUntil: new Date(at.getTime() + SLOT_LEASE_MS),
      });
      return { ok: true, slotId, opened: opensWindow ? tenant.minute?.anchorMs : undefined };
    });
  }

  async function serve(queue: TenantQueue, tenantId: string): Promise<void> {
    queue.serving = true;
    try {
      for (;;) {
        const lane: XeroLane = queue.queues.interactive.length > 0 ? 'interactive' : 'background';
        const head = queue.queues[lane][0];
        if (head === undefined) return;
        let admission: Admission;
        try {
          admission = await tryAdmit(tenantId, lane);
        } catch (error) {
          // The store failed (store_unavailable is retryable): this caller's call fails with it.
          queue.queues[lane].shift();
          head.reject(error);
          continue;
        }
        if (admission.ok) {
          queue.queues[lane].shift();
          head.resolve(admission);
          continue;
        }
        const waitMs =
          admission.retryAtMs === undefined
            ? SLOT_POLL_MS
            : Math.max(1, admission.retryAtMs - now().getTime());
        // A local release or an interactive arrival wakes the head early.
        await Promise.race([
          sleep(waitMs).catch(() => undefined),
          new Promise<void>((resolve) => (queue.wake = resolve)),
        ]);
      }
    } finally {
      queue.serving = false;
    }
  }

  return {
    async acquire(tenantId) {
      let queue = tenants.get(tenantId);
      if (queue === undefined) {
        queue = { queues: { interactive: [], background: [] }, serving: false };
        tenants.set(tenantId, queue);
      }
      const lane = currentXeroLane();
      const current = queue;
      const { slotId, opened } = await new Promise<{ slotId: string; opened: number | undefined }>(
        (resolve, reject) => {
          current.queues[lane].push({ resolve, reject });
          if (current.serving) current.wake?.();
          // serve never rejects: each step's failure goes to the caller it concerns.
          else void serve(current, tenantId);
        },
      );
      let released = false;
      return {
        async release(observed) {
          if (released) return;
          released = true;
          await withBudgets(tenantId, async (tenant, app, trx) => {
            const at = now();
            observe(tenant, app, at.getTime(), limits, observed ?? {}, opened);
            await freeRateSlot(trx, slotId, keyOf(tenantId), at);
          });
          current.wake?.();
        },
      };
    },
    async pauseUntil(tenantId, untilMs) {
      await withBudgets(tenantId, async (tenant) => {
        tenant.pausedUntilMs = Math.max(tenant.pausedUntilMs, untilMs);
      });
    },
    // Under the budgets' lock like tryAdmit, so the return cursor is one for every process.
    deferral(tenantId, thresholdMs) {
      return withBudgets(tenantId, async (tenant, app) =>
        deferral(tenant, app, now().getTime(), limits, reserve, thresholdMs, options.returnGroup),
      );
    },
    // At once: a batch that waited here would hold its worker's slots for Xero's pace, and other
    // organisations' jobs would wait for those slots. Jobs are deferred instead (rate-budget.ts
    // deferral).
    async whenFree() {},
  };
}
