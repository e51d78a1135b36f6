import type { Clock } from '../clock.js';
import { currentXeroLane } from './lane.js';
import {
  admit,
  type Budget,
  decide,
  DEFAULT_RESERVE,
  deferral,
  emptyBudget,
  freeInMs,
  type LaneReserve,
  observe,
  XERO_LIMITS,
  type XeroLane,
  type XeroLimits,
} from './rate-budget.js';
import type { RateLimitObservation } from './rate-limit-headers.js';

/**
 * Client-side pacing of Accounting calls per tenant, so the app stays inside Xero's limits
 * (docs/vendors/xero.md §7; the rules are rate-budget.ts) instead of collecting 429s.
 *
 * The port has two adapters: this one, for one process (embedded mode), and the one shared by
 * every process through PostgreSQL (services/xero-shared-limiter.ts, scale-out).
 */
export interface XeroTenantLimiter {
  /**
   * Resolves once a call to this tenant may start, in the current lane (lane.ts); release the
   * permit when its response is in.
   */
  acquire(tenantId: string): Promise<XeroPermit>;
  /** Holds back every call to this tenant until `untilMs` (a 429's Retry-After). */
  pauseUntil(tenantId: string, untilMs: number): Promise<void>;
  /**
   * Asked before a background job for this tenant starts: undefined if it may start now (its wait
   * for the budget, or for the budget's steady pace, is no longer than `thresholdMs`), else the
   * epoch ms at which the job should come back, reserved so that deferred jobs return at the rate
   * the budget allows (rate-budget.ts deferral).
   */
  deferral(tenantId: string, thresholdMs: number): Promise<number | undefined>;
  /**
   * Resolves once a background call to this tenant would start without waiting for time
   * (rate-budget.ts freeInMs): until then a batch of documents keeps gathering its elements. The
   * shared limiter answers at once (services/xero-shared-limiter.ts says why).
   */
  whenFree(tenantId: string): Promise<void>;
}

export interface XeroPermit {
  /** Frees the concurrency slot; `observed` is what the response's headers said was left. */
  release(observed?: RateLimitObservation): Promise<void>;
}

export interface TenantLimiterOptions {
  clock: Clock;
  /** How to wait for time to pass; default the clock's sleep, else setTimeout. Tests pass one that moves their clocks. */
  sleep?: (ms: number) => Promise<void>;
  /** Calls in flight per tenant; default 5 (docs/vendors/xero.md §7). */
  maxConcurrent?: number;
  /** Calls per minute window per tenant; default 60 (docs/vendors/xero.md §7). */
  perMinute?: number;
  /** Calls per day window per tenant; default 5,000. */
  perDay?: number;
  /** Calls per minute window of the app, all tenants; default 10,000. */
  appPerMinute?: number;
  /** What background calls leave to interactive ones; default rate-budget.ts DEFAULT_RESERVE. */
  reserve?: LaneReserve;
  /** Deferred jobs that come back at once (rate-budget.ts deferral's `group`); default 1. */
  returnGroup?: number;
}

export function limitsOf(options: Omit<TenantLimiterOptions, 'clock' | 'sleep'>): XeroLimits {
  return {
    concurrent: options.maxConcurrent ?? XERO_LIMITS.concurrent,
    perMinute: options.perMinute ?? XERO_LIMITS.perMinute,
    perDay: options.perDay ?? XERO_LIMITS.perDay,
    appPerMinute: options.appPerMinute ?? XERO_LIMITS.appPerMinute,
  };
}

/** How a limiter waits: as told, else as its clock does, else in real time. */
export function sleepOf(options: Pick<TenantLimiterOptions, 'clock' | 'sleep'>) {
  return (
    options.sleep ??
    options.clock.sleep?.bind(options.clock) ??
    ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  );
}

/**
 * States of one tenant: `inFlight` calls hold slots; callers wait in two FIFO queues, the
 * interactive one served first. The head of the queues is admitted when decide() says so; while it
 * must wait for time (a full window, a pause) it sleeps until then, while it must wait for a slot
 * the next release wakes it.
 */
interface TenantState {
  budget: Budget;
  inFlight: number;
  /** Waiters, each told the anchor of the minute window its call opened, if it opened one. */
  queues: Record<XeroLane, ((opened: number | undefined) => void)[]>;
  /** Whether the head of the queues is being served (one loop per tenant). */
  serving: boolean;
  /** Wakes a head waiting for a slot. */
  slotFreed?: () => void;
}

export function createTenantLimiter(options: TenantLimiterOptions): XeroTenantLimiter {
  const limits = limitsOf(options);
  const reserve = options.reserve ?? DEFAULT_RESERVE;
  const sleep = sleepOf(options);
  const now = () => options.clock.now().getTime();
  const app = emptyBudget();
  const tenants = new Map<string, TenantState>();

  const stateOf = (tenantId: string): TenantState => {
    let state = tenants.get(tenantId);
    if (!state) {
      state = {
        budget: emptyBudget(),
        inFlight: 0,
        queues: { interactive: [], background: [] },
        serving: false,
      };
      tenants.set(tenantId, state);
    }
    return state;
  };

  async function serve(state: TenantState): Promise<void> {
    state.serving = true;
    try {
      for (;;) {
        const lane: XeroLane = state.queues.interactive.length > 0 ? 'interactive' : 'background';
        const next = state.queues[lane][0];
        if (next === undefined) return;
        const decision = decide(state.budget, app, state.inFlight, lane, now(), limits, reserve);
        if (decision.ok) {
          state.queues[lane].shift();
          const { opensWindow } = admit(state.budget, app, now());
          state.inFlight += 1;
          next(opensWindow ? state.budget.minute?.anchorMs : undefined);
        } else if ('slot' in decision) {
          await new Promise<void>((resolve) => (state.slotFreed = resolve));
        } else {
          // An interactive call arriving wakes the loop early: the reserve may admit it now.
          await Promise.race([
            // A failed sleep (a test's clock) only means looking again.
            sleep(decision.retryAtMs - now()).catch(() => undefined),
            new Promise<void>((resolve) => (state.slotFreed = resolve)),
          ]);
        }
      }
    } finally {
      state.serving = false;
    }
  }

  return {
    async acquire(tenantId) {
      const state = stateOf(tenantId);
      const lane = currentXeroLane();
      const anchor = await new Promise<number | undefined>((resolve) => {
        state.queues[lane].push(resolve);
        if (state.serving) state.slotFreed?.();
        // serve never rejects: nothing in it throws, and its sleeps are caught.
        else void serve(state);
      });
      let released = false;
      return {
        async release(observed) {
          if (released) return;
          released = true;
          observe(state.budget, app, now(), limits, observed ?? {}, anchor);
          state.inFlight -= 1;
          state.slotFreed?.();
        },
      };
    },
    async pauseUntil(tenantId, untilMs) {
      const state = stateOf(tenantId);
      state.budget.pausedUntilMs = Math.max(state.budget.pausedUntilMs, untilMs);
    },
    async deferral(tenantId, thresholdMs) {
      const state = stateOf(tenantId);
      return deferral(state.budget, app, now(), limits, reserve, thresholdMs, options.returnGroup);
    },
    async whenFree(tenantId) {
      const { budget } = stateOf(tenantId);
      let waitMs: number;
      while ((waitMs = freeInMs(budget, app, now(), limits, reserve)) > 0)
        await sleep(waitMs).catch(() => undefined); // a failed sleep only means looking again
    },
  };
}
