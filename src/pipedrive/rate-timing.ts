import { parseRetryAfter } from '../retry-after.js';

/**
 * Pure reading of Pipedrive's rate-limit headers (docs/vendors/pipedrive.md §6) and the pacing they imply.
 *
 * Pipedrive sends `x-ratelimit-remaining` (calls left in the rolling 2-s window) and
 * `x-ratelimit-reset` (seconds until the window frees up) on every API answer; `Retry-After` is not
 * documented but honoured when present (the sandbox sends it on injected 429s).
 */

type HeaderSource = Pick<Headers, 'get'>;

/** Milliseconds to wait before retrying, or undefined when the answer says nothing. */
export function retryAfterMs(headers: HeaderSource, nowMs: number): number | undefined {
  return parseRetryAfter(headers.get('retry-after'), nowMs) ?? resetMs(headers);
}

function resetMs(headers: HeaderSource): number | undefined {
  const reset = Number(headers.get('x-ratelimit-reset') ?? Number.NaN);
  return Number.isFinite(reset) && reset >= 0 ? Math.ceil(reset * 1000) : undefined;
}

/** The smallest burst limit an OAuth app has (Lite plan, §6): what is assumed until an answer says. */
export const OAUTH_APP_MIN_LIMIT = 80;

/** How many answers' round trips the margin looks back on. */
const ROUND_TRIPS_KEPT = 64;

export interface RatePacerOptions {
  /** Calls per window until an answer's `x-ratelimit-limit` says otherwise; default 80. */
  limit?: number;
  /** Pipedrive's rolling window; default 2000 ms. */
  windowMs?: number;
  /** The least time each window is held here beyond Pipedrive's; default 100 ms. */
  marginMs?: number;
}

/**
 * Paces one connection's calls to Pipedrive's burst limit (docs/vendors/pipedrive.md §6: a rolling
 * 2-second window per token, 80 calls for OAuth apps on the cheapest plan, more on others; every
 * answer gives the window's size in `x-ratelimit-limit`). Each call takes a slot before it is sent,
 * at most `limit` in any window, so a burst of runs queues here instead of collecting 429s (§6:
 * ignoring 429s gets integrations blocked). Pipedrive counts a call when it arrives, somewhere
 * between its sending and its answer, so each window is held longer here by the slowest of the
 * last answers' round trips (at least `marginMs`): a call that left late but arrived early would
 * otherwise land in a window Pipedrive still counts as full.
 *
 * Also paused when an answer says the window is spent (`x-ratelimit-remaining: 0`) or a 429
 * arrives: other processes may use the same token (serve and workers in PostgreSQL mode) and only
 * Pipedrive counts them all. One pacer per access token, i.e. per connection, per process.
 */
export class RatePacer {
  private pausedUntilMs = 0;
  /** Send times handed out (or, once known, when calls left), ascending; old ones are dropped. */
  private readonly slots: number[] = [];
  private limit: number;
  private readonly windowMs: number;
  private readonly marginMs: number;
  /** Round trips of the last answers, newest last. */
  private readonly roundTrips: number[] = [];

  constructor(options: RatePacerOptions = {}) {
    this.limit = options.limit ?? OAUTH_APP_MIN_LIMIT;
    this.windowMs = options.windowMs ?? 2000;
    this.marginMs = options.marginMs ?? 100;
  }

  /** Reads the rate-limit headers of an answer received at `nowMs` to a call sent at `sentAtMs`. */
  record(headers: HeaderSource, nowMs: number, sentAtMs = nowMs): void {
    this.roundTrips.push(nowMs - sentAtMs);
    if (this.roundTrips.length > ROUND_TRIPS_KEPT) this.roundTrips.shift();
    const limit = Number(headers.get('x-ratelimit-limit') ?? Number.NaN);
    if (Number.isInteger(limit) && limit > 0) this.limit = limit;
    const remaining = headers.get('x-ratelimit-remaining');
    if (remaining !== null && Number(remaining) <= 0) {
      this.pauseFor(resetMs(headers) ?? 1000, nowMs);
    }
  }

  /**
   * The call given the slot at `slotMs` left at `leftAtMs`: later when the process was busy (a
   * garbage collection, a full event loop), and its window counts from then, or calls that left
   * on time would bunch behind it at Pipedrive.
   */
  left(slotMs: number, leftAtMs: number): void {
    const index = this.slots.indexOf(slotMs);
    if (leftAtMs <= slotMs || index === -1) return;
    this.slots.splice(index, 1);
    const after = this.slots.findIndex((slot) => slot > leftAtMs);
    this.slots.splice(after === -1 ? this.slots.length : after, 0, leftAtMs);
  }

  /** Holds every call for `ms` from `nowMs` (e.g. after a 429). */
  pauseFor(ms: number, nowMs: number): void {
    this.pausedUntilMs = Math.max(this.pausedUntilMs, nowMs + ms);
  }

  /**
   * Takes the first free slot for a call asked for at `nowMs`; returns how long the caller waits
   * before sending (0 when the window has room and nothing is paused). Slots are handed out in
   * order, never before one already given.
   */
  reserve(nowMs: number): number {
    const held = this.windowMs + Math.max(this.marginMs, ...this.roundTrips);
    while (this.slots.length > 0 && this.slots[0]! <= nowMs - held) this.slots.shift();
    let at = Math.max(nowMs, this.pausedUntilMs, this.slots.at(-1) ?? nowMs);
    // The slot `usable` places back must have left the window before this one enters it; a
    // twentieth of the limit is left unused, for a round trip slower than the last ones.
    const usable = this.limit - Math.floor(this.limit / 20);
    const blocking = this.slots[this.slots.length - usable];
    if (blocking !== undefined) at = Math.max(at, blocking + held);
    this.slots.push(at);
    return at - nowMs;
  }
}
