import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  admit,
  type Budget,
  deferral,
  emptyBudget,
  freeInMs,
  MINUTE_MS,
  paceBurst,
  returnSpacingMs,
  XERO_LIMITS,
} from '../../src/xero/rate-budget.js';
import { createTenantLimiter } from '../../src/xero/rate-limiter.js';

/**
 * The rule a background job asks before it starts (issue 12): go, or come back when the budget
 * can serve it, the starts and returns of a backlog paced at the background lane's rate.
 */
const T0 = Date.UTC(2026, 0, 5, 9);
const LIMITS = { ...XERO_LIMITS, perMinute: 10 };
const RESERVE = { concurrent: 1, perMinute: 4, perDay: 0 };
/** 6 background calls a minute: one every 10 s, 2 of them at once. */
const SPACING = MINUTE_MS / 6;

function spent(calls: number, at = T0): { tenant: Budget; app: Budget } {
  const tenant = emptyBudget();
  const app = emptyBudget();
  for (let i = 0; i < calls; i++) admit(tenant, app, at);
  return { tenant, app };
}

describe('deferral (rate-budget.ts)', () => {
  it('a batch within the burst goes at once', () => {
    assert.equal(paceBurst(LIMITS, RESERVE), 2);
    for (const calls of [0, 1]) {
      const { tenant, app } = spent(calls);
      assert.equal(deferral(tenant, app, T0 + 1_000, LIMITS, RESERVE, 2_000), undefined);
      assert.equal(tenant.returnCursorMs, undefined, 'nothing reserved');
    }
  });

  it('beyond the burst, a job waits for the steady pace, unless the wait is short', () => {
    const { tenant, app } = spent(2);
    assert.equal(deferral(tenant, app, T0 + 8_000, LIMITS, RESERVE, 2_000), undefined);
    assert.equal(deferral(tenant, app, T0 + 1_000, LIMITS, RESERVE, 2_000), T0 + SPACING);
    const behind = spent(4);
    assert.equal(deferral(behind.tenant, behind.app, T0 + 30_000, LIMITS, RESERVE, 0), undefined);
  });

  it('jobs of a backlog come back on pace and then go', () => {
    const { tenant, app } = spent(2);
    const returns = Array.from({ length: 5 }, (_, i) =>
      deferral(tenant, app, T0 + 1_000 + i, LIMITS, RESERVE, 2_000),
    );
    assert.deepEqual(
      returns,
      Array.from({ length: 5 }, (_, i) => T0 + (i + 1) * SPACING),
    );
    for (const at of returns.slice(0, 4)) {
      assert.equal(deferral(tenant, app, at!, LIMITS, RESERVE, 2_000), undefined, `at ${at}`);
      admit(tenant, app, at!);
    }
    // The burst's calls count in the window too: the fifth finds it full, and comes back when
    // it ends (where the cursor is too).
    assert.equal(deferral(tenant, app, returns[4]!, LIMITS, RESERVE, 2_000), T0 + MINUTE_MS);
  });

  it('lets a job go when a full window ends within the threshold', () => {
    const { tenant, app } = spent(6);
    assert.equal(deferral(tenant, app, T0 + MINUTE_MS - 2_000, LIMITS, RESERVE, 2_000), undefined);
    assert.equal(
      deferral(tenant, app, T0 + MINUTE_MS - 2_001, LIMITS, RESERVE, 2_000),
      T0 + MINUTE_MS,
    );
  });

  it("paces the returns of jobs a full window defers from the window's end", () => {
    const { tenant, app } = spent(6);
    assert.equal(returnSpacingMs(LIMITS, RESERVE), SPACING);
    const returns = Array.from({ length: 8 }, (_, i) =>
      deferral(tenant, app, T0 + 1_000 + i, LIMITS, RESERVE, 2_000),
    );
    assert.deepEqual(
      returns,
      Array.from({ length: 8 }, (_, i) => T0 + MINUTE_MS + i * SPACING),
    );
    // 6 come back within the next window, 2 in the one after: as many as each can serve.
    assert.equal(returns.filter((at) => at! < T0 + 2 * MINUTE_MS).length, 6);
  });

  it('brings deferred jobs back `group` at a time, one spacing per group', () => {
    const { tenant, app } = spent(6);
    const returns = Array.from({ length: 7 }, (_, i) =>
      deferral(tenant, app, T0 + 1_000 + i, LIMITS, RESERVE, 2_000, 3),
    );
    const back = (step: number) => T0 + MINUTE_MS + step * SPACING;
    assert.deepEqual(returns, [back(0), back(0), back(0), back(1), back(1), back(1), back(2)]);
  });

  it('an interactive reserve is left: background counts its own limit', () => {
    const { tenant, app } = spent(6);
    // 6 of 10 used: interactive calls could go, a background job waits.
    assert.notEqual(deferral(tenant, app, T0 + 1_000, LIMITS, RESERVE, 2_000), undefined);
  });

  it('a cursor left in the past counts from the end of the wait again', () => {
    const { tenant, app } = spent(6);
    tenant.returnCursorMs = T0 - 5 * MINUTE_MS;
    assert.equal(deferral(tenant, app, T0 + 1_000, LIMITS, RESERVE, 2_000), T0 + MINUTE_MS);
  });

  it("a 429's pause defers too, and a full app minute", () => {
    const paused = emptyBudget();
    paused.pausedUntilMs = T0 + 30_000;
    assert.equal(deferral(paused, emptyBudget(), T0, LIMITS, RESERVE, 2_000), T0 + 30_000);
    const app = emptyBudget();
    app.minute = { anchorMs: T0, count: LIMITS.appPerMinute };
    assert.equal(deferral(emptyBudget(), app, T0 + 10, LIMITS, RESERVE, 2_000), T0 + MINUTE_MS);
  });

  it('a full day window defers to its end', () => {
    const tenant = emptyBudget();
    tenant.day = { anchorMs: T0, count: LIMITS.perDay };
    assert.equal(
      deferral(tenant, emptyBudget(), T0 + 3_600_000, LIMITS, RESERVE, 2_000),
      T0 + 24 * 3_600_000,
    );
  });

  it('a budget stored before the cursor existed reads as having none', () => {
    const stored = JSON.parse(
      JSON.stringify({ minute: { anchorMs: T0, count: 6 }, day: null, pausedUntilMs: 0 }),
    ) as Budget;
    assert.equal(deferral(stored, emptyBudget(), T0, LIMITS, RESERVE, 2_000), T0 + MINUTE_MS);
    assert.equal(stored.returnCursorMs, T0 + MINUTE_MS + SPACING);
  });
});

describe('in-process limiter deferral', () => {
  it('answers per tenant from the calls it admitted', async () => {
    let nowMs = T0;
    const limiter = createTenantLimiter({
      clock: { now: () => new Date(nowMs) },
      perMinute: 10,
      reserve: RESERVE,
    });
    for (let i = 0; i < 6; i++) await (await limiter.acquire('busy')).release();
    assert.equal(await limiter.deferral('busy', 2_000), T0 + MINUTE_MS);
    assert.equal(await limiter.deferral('busy', 2_000), T0 + MINUTE_MS + SPACING);
    assert.equal(await limiter.deferral('quiet', 2_000), undefined, 'another tenant goes');
    nowMs = T0 + MINUTE_MS;
    assert.equal(await limiter.deferral('busy', 2_000), undefined, 'a new window: go');
  });
});

describe('freeInMs (rate-budget.ts): when a batch of documents stops gathering', () => {
  it('is 0 within the burst, then the time until the steady pace allows the next call', () => {
    const one = spent(1);
    assert.equal(freeInMs(one.tenant, one.app, T0 + 1_000, LIMITS, RESERVE), 0);
    const { tenant, app } = spent(2);
    assert.equal(freeInMs(tenant, app, T0 + 1_000, LIMITS, RESERVE), SPACING - 1_000);
    assert.equal(freeInMs(tenant, app, T0 + SPACING, LIMITS, RESERVE), 0);
  });

  it("waits out a pause (a 429's Retry-After)", () => {
    const { tenant, app } = spent(0);
    tenant.pausedUntilMs = T0 + 5_000;
    assert.equal(freeInMs(tenant, app, T0, LIMITS, RESERVE), 5_000);
  });
});
