/**
 * Pure reading of Xero's rate-limit headers (docs/vendors/xero.md §7; after sindresorhus/ky
 * `source/core/retry-timing.ts`). `Retry-After` itself is read by src/retry-after.ts.
 */

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
