/**
 * Pure reading of Xero's rate-limit headers (xero.md §7; after sindresorhus/ky
 * `source/core/retry-timing.ts`). No I/O, no clock: `nowMs` is passed in.
 */

/**
 * `Retry-After` as milliseconds from `nowMs`: delta-seconds ("66975") or an HTTP-date
 * ("Wed, 21 Oct 2026 07:28:00 GMT"); a date in the past means 0. Absent or unreadable → undefined.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  nowMs: number,
): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // Only real HTTP-dates: Date.parse alone would also accept "12" or "-1".
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** What one Xero response says about the tenant's remaining budget. */
export interface RateLimitObservation {
  minuteRemaining?: number;
  dayRemaining?: number;
  appMinuteRemaining?: number;
  /** `X-Rate-Limit-Problem` of a 429: minute | day | concurrent | appminute. */
  problem?: string;
}

interface HeaderSource {
  get(name: string): string | null;
}

export function readRateLimitHeaders(headers: HeaderSource): RateLimitObservation {
  const count = (name: string): number | undefined => {
    const raw = headers.get(name)?.trim();
    return raw && /^\d+$/.test(raw) ? Number(raw) : undefined;
  };
  const minuteRemaining = count('x-minlimit-remaining');
  const dayRemaining = count('x-daylimit-remaining');
  const appMinuteRemaining = count('x-appminlimit-remaining');
  const problem = headers.get('x-rate-limit-problem')?.trim().toLowerCase();
  return {
    ...(minuteRemaining !== undefined && { minuteRemaining }),
    ...(dayRemaining !== undefined && { dayRemaining }),
    ...(appMinuteRemaining !== undefined && { appMinuteRemaining }),
    ...(problem && { problem }),
  };
}
