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

/**
 * States: open (calls go at once) or paused until `pausedUntilMs`. Pauses when an answer says the
 * window is spent (`x-ratelimit-remaining: 0`) or a 429 arrives, so that the calls queued behind
 * it wait for the reset instead of each collecting a 429 (docs/vendors/pipedrive.md §6: ignoring 429s gets
 * api-token integrations blocked). One pacer per access token, i.e. per connection.
 */
export class RatePacer {
  private pausedUntilMs = 0;

  /** Reads the rate-limit headers of an answer received at `nowMs`. */
  record(headers: HeaderSource, nowMs: number): void {
    const remaining = headers.get('x-ratelimit-remaining');
    if (remaining !== null && Number(remaining) <= 0) {
      this.pauseFor(resetMs(headers) ?? 1000, nowMs);
    }
  }

  /** Holds every call for `ms` from `nowMs` (e.g. after a 429). */
  pauseFor(ms: number, nowMs: number): void {
    this.pausedUntilMs = Math.max(this.pausedUntilMs, nowMs + ms);
  }

  /** How long a call made at `nowMs` should wait first; 0 when the window is open. */
  waitMs(nowMs: number): number {
    return Math.max(0, this.pausedUntilMs - nowMs);
  }
}
