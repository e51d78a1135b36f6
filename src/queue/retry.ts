import { AppError } from '../errors.js';

/**
 * When a failed job runs again. Pure: the random source is a parameter so tests can pin it.
 *
 * - An AppError with `retryable: false` (a refusal of Xero/Pipedrive that retrying cannot fix)
 *   stops at once. Any other error, including non-AppErrors, is treated as transient: losing a
 *   trigger is worse than retrying a bug (invariant 2).
 * - `retryAfterMs` on the error (from Retry-After / rate-limit headers) is honoured as given.
 * - Otherwise exponential backoff with "equal jitter": half the delay fixed, half random, so
 *   retries of many jobs spread out yet never fire at once.
 */
export interface BackoffPolicy {
  /** Delay before the second attempt (before jitter); 1 s by default. */
  baseMs: number;
  /** Longest delay; 1 h by default. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 3_600_000 };

export type RetryDecision =
  | { retry: true; delayMs: number }
  | { retry: false; reason: 'non_retryable' | 'attempts_exhausted' };

export function backoffDelayMs(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** The `retryAfterMs` an AppError carries (from Retry-After or rate-limit headers), if usable. */
export function retryAfterMsOf(error: unknown): number | undefined {
  if (!(error instanceof AppError)) return undefined;
  const value = error.retryAfterMs;
  return value !== undefined && Number.isFinite(value) && value >= 0 ? value : undefined;
}

export function isNonRetryable(error: unknown): boolean {
  return error instanceof AppError && !error.retryable;
}

export function decideRetry(
  error: unknown,
  attempt: number,
  maxAttempts: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): RetryDecision {
  if (isNonRetryable(error)) return { retry: false, reason: 'non_retryable' };
  if (attempt >= maxAttempts) return { retry: false, reason: 'attempts_exhausted' };
  return { retry: true, delayMs: retryAfterMsOf(error) ?? backoffDelayMs(attempt, policy, random) };
}
