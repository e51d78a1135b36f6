import type { SandboxClock } from '../../common/clock.js';

/**
 * Xero's rate limits (docs/vendors/xero.md §7): per app+tenant connection 5 concurrent, 60 per minute and 5,000
 * per day; per app 10,000 per minute across tenants. Windows are fixed and start with the first
 * call after the previous one ended, so each tenant resets at its own time. Pure apart from the
 * injected clock; refused calls do not count.
 */
export interface XeroRateLimits {
  concurrentPerTenant: number;
  perMinutePerTenant: number;
  /** 5,000 by default; 1,000 for 2026 "Starter" apps (docs/vendors/xero.md §7). */
  perDayPerTenant: number;
  perMinutePerApp: number;
}

export const defaultXeroRateLimits: XeroRateLimits = {
  concurrentPerTenant: 5,
  perMinutePerTenant: 60,
  perDayPerTenant: 5000,
  perMinutePerApp: 10_000,
};

export type RateLimitProblem = 'minute' | 'day' | 'concurrent' | 'appminute';

/** The three headers every Accounting response carries (docs/vendors/xero.md §7). */
export type RateLimitHeaders = Record<
  'X-DayLimit-Remaining' | 'X-MinLimit-Remaining' | 'X-AppMinLimit-Remaining',
  string
>;

export type Admission =
  | { ok: true; headers: RateLimitHeaders; release: () => void }
  | { ok: false; problem: RateLimitProblem; retryAfterSeconds?: number; headers: RateLimitHeaders };

interface Window {
  startMs: number;
  count: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

export class XeroRateLimiter {
  private limits: XeroRateLimits;
  private minute = new Map<string, Window>();
  private day = new Map<string, Window>();
  private appMinute = new Map<string, Window>();
  private inFlight = new Map<string, number>();

  constructor(
    private readonly clock: SandboxClock,
    limits: Partial<XeroRateLimits> = {},
  ) {
    this.limits = { ...defaultXeroRateLimits, ...limits };
  }

  current(): XeroRateLimits {
    return { ...this.limits };
  }

  setLimits(limits: Partial<XeroRateLimits>): XeroRateLimits {
    this.limits = { ...this.limits, ...limits };
    return this.current();
  }

  /** Forgets every window and in-flight count (limits stay). */
  reset(): void {
    this.minute.clear();
    this.day.clear();
    this.appMinute.clear();
    this.inFlight.clear();
  }

  /** Counts a call against the limits, or says which limit refuses it. */
  admit(clientId: string, tenantId: string): Admission {
    const key = tenantKey(clientId, tenantId);
    const now = this.clock.now();
    const day = this.window(this.day, key, DAY_MS, now);
    const minute = this.window(this.minute, key, MINUTE_MS, now);
    const appMinute = this.window(this.appMinute, clientId, MINUTE_MS, now);
    const refuse = (problem: RateLimitProblem, window?: Window, lengthMs?: number): Admission => ({
      ok: false,
      problem,
      ...(window &&
        lengthMs !== undefined && {
          retryAfterSeconds: secondsUntil(window.startMs + lengthMs, now),
        }),
      headers: this.headers(clientId, tenantId),
    });
    if (day.count >= this.limits.perDayPerTenant) return refuse('day', day, DAY_MS);
    if (minute.count >= this.limits.perMinutePerTenant) return refuse('minute', minute, MINUTE_MS);
    if (appMinute.count >= this.limits.perMinutePerApp)
      return refuse('appminute', appMinute, MINUTE_MS);
    if ((this.inFlight.get(key) ?? 0) >= this.limits.concurrentPerTenant)
      return refuse('concurrent');
    day.count += 1;
    minute.count += 1;
    appMinute.count += 1;
    this.inFlight.set(key, (this.inFlight.get(key) ?? 0) + 1);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.inFlight.set(key, Math.max(0, (this.inFlight.get(key) ?? 1) - 1));
    };
    return { ok: true, headers: this.headers(clientId, tenantId), release };
  }

  /** What is left, without counting a call; unknown app or tenant reads as untouched. */
  headers(clientId?: string, tenantId?: string): RateLimitHeaders {
    const now = this.clock.now();
    const key =
      clientId !== undefined && tenantId !== undefined ? tenantKey(clientId, tenantId) : undefined;
    // Reading must not open a window: windows start with the first counted call.
    const used = (windows: Map<string, Window>, id: string | undefined, lengthMs: number) => {
      const window = id === undefined ? undefined : windows.get(id);
      return window && now < window.startMs + lengthMs ? window.count : 0;
    };
    return {
      'X-DayLimit-Remaining': String(
        Math.max(0, this.limits.perDayPerTenant - used(this.day, key, DAY_MS)),
      ),
      'X-MinLimit-Remaining': String(
        Math.max(0, this.limits.perMinutePerTenant - used(this.minute, key, MINUTE_MS)),
      ),
      'X-AppMinLimit-Remaining': String(
        Math.max(0, this.limits.perMinutePerApp - used(this.appMinute, clientId, MINUTE_MS)),
      ),
    };
  }

  inFlightFor(clientId: string, tenantId: string): number {
    return this.inFlight.get(tenantKey(clientId, tenantId)) ?? 0;
  }

  private window(windows: Map<string, Window>, id: string, lengthMs: number, now: number): Window {
    const existing = windows.get(id);
    if (existing && now < existing.startMs + lengthMs) return existing;
    const fresh = { startMs: now, count: 0 };
    windows.set(id, fresh);
    return fresh;
  }
}

function tenantKey(clientId: string, tenantId: string): string {
  return `${clientId}\u0000${tenantId}`;
}

function secondsUntil(endMs: number, now: number): number {
  return Math.max(1, Math.ceil((endMs - now) / 1000));
}
