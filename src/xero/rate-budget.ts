import type { RateLimitObservation } from './rate-limit-headers.js';

/**
 * Pure bookkeeping of Xero's limits (docs/vendors/xero.md §7): per organisation 5 calls at once,
 * 60 a minute and 5,000 a day; per app 10,000 a minute across organisations. Xero's windows are
 * fixed and start with the first call after the previous window ended, so ours do too: a window is
 * anchored when its first call is sent and re-anchored when that call's answer arrives (Xero started
 * counting somewhere in between; the later time can only make us wait longer, never send early).
 * The `Remaining` headers of every answer correct the counts (they see every process of the app).
 *
 * Calls a person is waiting on (a settings save, a panel, a preview) go in the `interactive` lane:
 * background work (jobs) leaves `reserve` of each budget to them, so they are answered at once
 * even while a backlog uses everything else. The same rules serve the in-process limiter
 * (rate-limiter.ts) and the one shared through PostgreSQL (services/xero-shared-limiter.ts).
 */
export type XeroLane = 'interactive' | 'background';

export interface XeroLimits {
  concurrent: number;
  perMinute: number;
  perDay: number;
  appPerMinute: number;
}

export const XERO_LIMITS: XeroLimits = {
  concurrent: 5,
  perMinute: 60,
  perDay: 5_000,
  appPerMinute: 10_000,
};

/** What background work leaves for the interactive lane. */
export interface LaneReserve {
  concurrent: number;
  perMinute: number;
  perDay: number;
}

export const DEFAULT_RESERVE: LaneReserve = { concurrent: 1, perMinute: 5, perDay: 50 };

export interface RateWindow {
  anchorMs: number;
  count: number;
}

/** One organisation's budget; `app` has the same shape (its day and cursor are unused). */
export interface Budget {
  minute: RateWindow | null;
  day: RateWindow | null;
  pausedUntilMs: number;
  /**
   * The earliest time the next deferred job may come back (deferral below); absent in budgets
   * stored before it existed, which reads as "none".
   */
  returnCursorMs?: number;
  /** How many deferred jobs the cursor's time was given so far (deferral's `group`). */
  returnedAtCursor?: number;
}

export const MINUTE_MS = 60_000;
export const DAY_MS = 24 * 60 * MINUTE_MS;

export const emptyBudget = (): Budget => ({ minute: null, day: null, pausedUntilMs: 0 });

export type Decision = { ok: true } | { ok: false; retryAtMs: number } | { ok: false; slot: true };

const open = (window: RateWindow | null, lengthMs: number, now: number) =>
  window !== null && now < window.anchorMs + lengthMs ? window : null;

/** Whether a call in `lane` may start now, given the calls of the tenant in flight. */
export function decide(
  tenant: Budget,
  app: Budget,
  inFlight: number,
  lane: XeroLane,
  now: number,
  limits: XeroLimits,
  reserve: LaneReserve,
): Decision {
  const held = lane === 'interactive' ? { concurrent: 0, perMinute: 0, perDay: 0 } : reserve;
  const waits = [tenant.pausedUntilMs, app.pausedUntilMs].filter((until) => until > now);
  const full = (window: RateWindow | null, lengthMs: number, limit: number) => {
    const current = open(window, lengthMs, now);
    if (current !== null && current.count >= limit) waits.push(current.anchorMs + lengthMs);
  };
  full(tenant.minute, MINUTE_MS, limits.perMinute - held.perMinute);
  full(tenant.day, DAY_MS, limits.perDay - held.perDay);
  full(app.minute, MINUTE_MS, limits.appPerMinute);
  if (waits.length > 0) return { ok: false, retryAtMs: Math.max(...waits) };
  if (inFlight >= limits.concurrent - held.concurrent) return { ok: false, slot: true };
  return { ok: true };
}

/** Counts a call decided `ok`; says whether it opened the tenant's minute window. */
export function admit(tenant: Budget, app: Budget, now: number): { opensWindow: boolean } {
  const count = (window: RateWindow | null, lengthMs: number): RateWindow => {
    const current = open(window, lengthMs, now) ?? { anchorMs: now, count: 0 };
    return { anchorMs: current.anchorMs, count: current.count + 1 };
  };
  const opensWindow = open(tenant.minute, MINUTE_MS, now) === null;
  tenant.minute = count(tenant.minute, MINUTE_MS);
  tenant.day = count(tenant.day, DAY_MS);
  app.minute = count(app.minute, MINUTE_MS);
  return { opensWindow };
}

/**
 * An answer arrived at `now`: a window's first call re-anchors it (see above), and what Xero says
 * is left raises our counts where Xero counted more (never lowers them: a reading may predate
 * calls we have started since).
 */
export function observe(
  tenant: Budget,
  app: Budget,
  now: number,
  limits: XeroLimits,
  seen: RateLimitObservation,
  firstOfWindowAnchorMs?: number,
): void {
  if (firstOfWindowAnchorMs !== undefined && tenant.minute?.anchorMs === firstOfWindowAnchorMs)
    tenant.minute.anchorMs = now;
  const raise = (window: RateWindow | null, lengthMs: number, limit: number, left?: number) => {
    const current = open(window, lengthMs, now);
    // No open window: the reading is of one that has ended since.
    if (left === undefined || current === null) return window;
    return { anchorMs: current.anchorMs, count: Math.max(current.count, limit - left) };
  };
  tenant.minute = raise(tenant.minute, MINUTE_MS, limits.perMinute, seen.minuteRemaining);
  tenant.day = raise(tenant.day, DAY_MS, limits.perDay, seen.dayRemaining);
  app.minute = raise(app.minute, MINUTE_MS, limits.appPerMinute, seen.appMinuteRemaining);
}

/**
 * The steady pace of background job starts: one per call the background lane may make a minute (a
 * job of a backlog usually makes one call), so a backlog takes worker slots no faster than its
 * budget serves it.
 */
export function returnSpacingMs(limits: XeroLimits, reserve: LaneReserve): number {
  return MINUTE_MS / backgroundPerMinute(limits, reserve);
}

/**
 * Calls a window may run ahead of the steady pace: a quarter of the background minute (14 of
 * Xero's 55), so a small batch of an organisation goes at once, all of it.
 */
export function paceBurst(limits: XeroLimits, reserve: LaneReserve): number {
  return Math.ceil(backgroundPerMinute(limits, reserve) / 4);
}

const backgroundPerMinute = (limits: XeroLimits, reserve: LaneReserve) =>
  Math.max(1, limits.perMinute - reserve.perMinute);

/**
 * Asked before a background job of the tenant starts (issue 12: one organisation's backlog never
 * starves the others): undefined if it may start now, else when it should come back. It waits
 * for time (not for a concurrency slot, which is short):
 * - while its first call would wait: a full minute or day window, a 429's pause;
 * - while the calls of the current minute window run ahead of the steady pace by more than
 *   paceBurst. Without this a backlog filled every worker slot at once, spent its window in
 *   seconds, and other organisations' jobs waited behind it for slots (issue 12 measured 197
 *   times as long); with it, a backlog's jobs are mostly deferred at once, in the queue and not in
 *   a slot, and the organisation still makes every call its budget allows.
 * A wait no longer than `thresholdMs` is not worth a trip through the queue: the job goes.
 *
 * Returns are paced like GCRA: a per-tenant cursor starts at the end of the wait and moves on by
 * returnSpacingMs per `group` deferrals, so a backlog of N jobs comes back spread over the windows
 * that can serve it, each job about once, instead of all of them at the next window's start (where
 * most would be deferred again). A cursor left in the past counts from the wait's end again.
 * `group` jobs come back at once: started together, their documents share one request
 * (sync/document-batch.ts), one call for the group. Each process passes its worker's concurrency
 * (more would wait for a slot and miss the request). Across processes the jobs of a group are taken
 * by whichever workers have free slots, so they share requests less often: in the PostgreSQL burst
 * (serve and 3 workers of 4) groups of 4 made 1.3 documents a request instead of 1.1, and the
 * calls they did not need went to the documents still waiting. The pace counts calls made, not
 * jobs returned, so a group that shares no request is deferred again sooner, never over the limit.
 */
export function deferral(
  tenant: Budget,
  app: Budget,
  now: number,
  limits: XeroLimits,
  reserve: LaneReserve,
  thresholdMs: number,
  group = 1,
): number | undefined {
  const readyAtMs = now + freeInMs(tenant, app, now, limits, reserve);
  if (readyAtMs - now <= thresholdMs) return undefined;
  const cursor = tenant.returnCursorMs ?? 0;
  const returnAtMs = Math.max(readyAtMs, cursor);
  const given = (returnAtMs === cursor ? (tenant.returnedAtCursor ?? 0) : 0) + 1;
  const full = given >= group;
  tenant.returnCursorMs = full ? returnAtMs + returnSpacingMs(limits, reserve) : returnAtMs;
  tenant.returnedAtCursor = full ? 0 : given;
  return returnAtMs;
}

/**
 * How long until a background call to the tenant is due: until a full minute or day window, or a
 * pause, ends; else until the window's calls are no more than paceBurst ahead of the steady pace.
 * A concurrency slot is not waited for: one frees within a call. Jobs are deferred by it (above),
 * and a batch of documents keeps gathering for it (sync/document-batch.ts).
 */
export function freeInMs(
  tenant: Budget,
  app: Budget,
  now: number,
  limits: XeroLimits,
  reserve: LaneReserve,
): number {
  const decision = decide(tenant, app, 0, 'background', now, limits, reserve);
  const readyAtMs =
    decision.ok || 'slot' in decision
      ? onPaceMs(tenant.minute, now, limits, reserve)
      : decision.retryAtMs;
  return Math.max(0, readyAtMs - now);
}

/** When the window's next call is no more than paceBurst calls ahead of the steady pace. */
function onPaceMs(
  minute: RateWindow | null,
  now: number,
  limits: XeroLimits,
  reserve: LaneReserve,
): number {
  const window = open(minute, MINUTE_MS, now);
  if (window === null) return now;
  const ahead = window.count + 1 - paceBurst(limits, reserve);
  return window.anchorMs + ahead * returnSpacingMs(limits, reserve);
}
