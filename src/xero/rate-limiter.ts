import type { Clock } from '../clock.js';
import type { RateLimitObservation } from './rate-limit-headers.js';

/**
 * Client-side pacing of Accounting calls per tenant, so the app stays inside Xero's limits
 * (docs/vendors/xero.md §7: 5 concurrent and 60 per minute per organisation) instead of collecting 429s.
 *
 * The port lets a cross-process adapter (Postgres, scale-out) replace the in-process one below.
 */
export interface XeroTenantLimiter {
  /** Resolves once a call to this tenant may start; release the permit when its response is in. */
  acquire(tenantId: string): Promise<XeroPermit>;
  /** Holds back every call to this tenant until `untilMs` (a 429's Retry-After). */
  pauseUntil(tenantId: string, untilMs: number): void;
}

export interface XeroPermit {
  /** Frees the concurrency slot; `observed` is what the response's headers said was left. */
  release(observed?: RateLimitObservation): void;
}

export interface TenantLimiterOptions {
  clock: Clock;
  /** How to wait for time to pass; default setTimeout. Tests pass one that moves their clocks. */
  sleep?: (ms: number) => Promise<void>;
  /** Calls in flight per tenant; default 5 (docs/vendors/xero.md §7). */
  maxConcurrent?: number;
  /** Calls started per rolling minute per tenant; default 60 (docs/vendors/xero.md §7). */
  perMinute?: number;
}

/**
 * States of one tenant: `active` calls hold slots, later callers queue FIFO for a slot; a caller
 * with a slot then waits while the tenant is paused (429), while `perMinute` calls started in the
 * last 60 s, or while the latest X-MinLimit-Remaining (which counts other processes' calls too),
 * less the calls started since it was read, is used up. That last wait runs to 60 s after the
 * reading: Xero's fixed window (§7) ends at the latest then.
 */
interface TenantState {
  active: number;
  waiters: (() => void)[];
  starts: number[];
  pausedUntil: number;
  /** Calls ever started; lets a reading know which starts came after it. */
  started: number;
  observed?: { minuteRemaining: number; atMs: number; startedBefore: number };
}

const MINUTE_MS = 60_000;

export function createTenantLimiter(options: TenantLimiterOptions): XeroTenantLimiter {
  const maxConcurrent = options.maxConcurrent ?? 5;
  const perMinute = options.perMinute ?? 60;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = () => options.clock.now().getTime();
  const tenants = new Map<string, TenantState>();

  const stateOf = (tenantId: string): TenantState => {
    let state = tenants.get(tenantId);
    if (!state)
      tenants.set(
        tenantId,
        (state = { active: 0, waiters: [], starts: [], pausedUntil: 0, started: 0 }),
      );
    return state;
  };

  const freeSlot = (state: TenantState) => {
    const next = state.waiters.shift();
    // The slot passes straight to the next waiter, so `active` never dips and rises again.
    if (next) next();
    else state.active -= 1;
  };

  function delayFor(state: TenantState, at: number): number {
    state.starts = state.starts.filter((start) => start > at - MINUTE_MS);
    const waits = [state.pausedUntil - at];
    const oldest = state.starts[0];
    if (state.starts.length >= perMinute && oldest !== undefined)
      waits.push(oldest + MINUTE_MS - at);
    const seen = state.observed;
    if (seen && at < seen.atMs + MINUTE_MS) {
      if (seen.minuteRemaining - (state.started - seen.startedBefore) <= 0)
        waits.push(seen.atMs + MINUTE_MS - at);
    }
    return Math.max(0, ...waits);
  }

  return {
    async acquire(tenantId) {
      const state = stateOf(tenantId);
      if (state.active < maxConcurrent) state.active += 1;
      else await new Promise<void>((resolve) => state.waiters.push(resolve));
      try {
        for (let wait = delayFor(state, now()); wait > 0; wait = delayFor(state, now()))
          await sleep(wait);
      } catch (error) {
        freeSlot(state);
        throw error;
      }
      state.starts.push(now());
      state.started += 1;
      let released = false;
      return {
        release(observed) {
          if (released) return;
          released = true;
          if (observed?.minuteRemaining !== undefined) {
            const atMs = now();
            if (!state.observed || state.observed.atMs <= atMs)
              state.observed = {
                minuteRemaining: observed.minuteRemaining,
                atMs,
                startedBefore: state.started,
              };
          }
          freeSlot(state);
        },
      };
    },
    pauseUntil(tenantId, untilMs) {
      const state = stateOf(tenantId);
      state.pausedUntil = Math.max(state.pausedUntil, untilMs);
    },
  };
}
