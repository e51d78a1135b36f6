/**
 * Pipedrive's rate limits (docs/vendors/pipedrive.md §6), as pure clock-driven arithmetic.
 *
 * States per token: the timestamps of accepted calls in the rolling burst window (and a second
 * window for search calls). Per company: tokens spent on the current day; the day rolls over at
 * midnight UTC of the sandbox clock (advance the clock to reach it). Rejected calls spend nothing.
 */

export interface PipedriveRateLimits {
  /** Calls per token per window; default 80 (OAuth apps on the Lite plan). */
  burstPerToken: number;
  /** Rolling window length; default 2000 ms. */
  burstWindowMs: number;
  /** Search calls per token per window; default 10 on every plan. */
  searchPerToken: number;
  /** Daily token budget per company; default 30,000 (Lite × 1 seat). */
  dailyTokenBudget: number;
}

export const defaultRateLimits: PipedriveRateLimits = {
  burstPerToken: 80,
  burstWindowMs: 2000,
  searchPerToken: 10,
  dailyTokenBudget: 30_000,
};

export interface RateDecision {
  allowed: boolean;
  reason?: 'burst' | 'search' | 'daily';
  headers: Record<string, string>;
}

const DAY_MS = 86_400_000;

export class RateLimiter {
  private readonly windows = new Map<string, number[]>();
  private readonly spent = new Map<number, { day: number; tokens: number }>();

  constructor(private limits: PipedriveRateLimits) {}

  current(): PipedriveRateLimits {
    return { ...this.limits };
  }

  /** Control API: e.g. the bigger daily budget of a plan with more seats. */
  setLimits(change: Partial<PipedriveRateLimits>): PipedriveRateLimits {
    this.limits = { ...this.limits, ...change };
    return this.current();
  }

  /** Decides one call and, if allowed, records it. */
  take(call: {
    token: string;
    companyId: number;
    cost: number;
    isSearch: boolean;
    nowMs: number;
  }): RateDecision {
    const { nowMs } = call;
    const burst = this.window(`burst:${call.token}`, nowMs);
    const search = call.isSearch ? this.window(`search:${call.token}`, nowMs) : undefined;
    const day = Math.floor(nowMs / DAY_MS);
    const used = this.spent.get(call.companyId);
    const spentToday = used && used.day === day ? used.tokens : 0;

    const limit = search ? this.limits.searchPerToken : this.limits.burstPerToken;
    const inWindow = search ?? burst;
    let reason: RateDecision['reason'];
    if (spentToday + call.cost > this.limits.dailyTokenBudget) reason = 'daily';
    else if (burst.length >= this.limits.burstPerToken) reason = 'burst';
    else if (search && search.length >= this.limits.searchPerToken) reason = 'search';

    if (!reason) {
      burst.push(nowMs);
      search?.push(nowMs);
      this.spent.set(call.companyId, { day, tokens: spentToday + call.cost });
    }
    const spentNow = reason ? spentToday : spentToday + call.cost;
    const oldest = inWindow[0] ?? nowMs;
    const resetSeconds = Math.max(
      1,
      Math.ceil((oldest + this.limits.burstWindowMs - nowMs) / 1000),
    );
    return {
      allowed: reason === undefined,
      ...(reason && { reason }),
      headers: {
        'x-ratelimit-limit': String(limit),
        'x-ratelimit-remaining': String(Math.max(0, limit - inWindow.length)),
        'x-ratelimit-reset': String(resetSeconds),
        'x-daily-ratelimit-token-limit': String(this.limits.dailyTokenBudget),
        'x-daily-ratelimit-token-remaining': String(
          Math.max(0, this.limits.dailyTokenBudget - spentNow),
        ),
      },
    };
  }

  /** Tokens the company has spent today. */
  spentToday(companyId: number, nowMs: number): number {
    const used = this.spent.get(companyId);
    return used && used.day === Math.floor(nowMs / DAY_MS) ? used.tokens : 0;
  }

  reset(): void {
    this.windows.clear();
    this.spent.clear();
  }

  /** The live window for a key, with calls older than the window dropped. */
  private window(key: string, nowMs: number): number[] {
    const kept = (this.windows.get(key) ?? []).filter(
      (at) => at > nowMs - this.limits.burstWindowMs,
    );
    this.windows.set(key, kept);
    return kept;
  }
}
