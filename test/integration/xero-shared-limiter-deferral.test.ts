import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { createSharedTenantLimiter } from '../../src/services/xero-shared-limiter.js';
import { MINUTE_MS } from '../../src/xero/rate-budget.js';
import { createTestStore, type TestStore } from '../support/each-dialect.js';

/**
 * The shared limiter's answer to "may this background job start?" (issue 12): from the budget
 * every process keeps in PostgreSQL, with one return cursor for all of them, so two processes
 * deferring jobs of one organisation pace them together.
 */
const skip = process.env['TEST_DATABASE_URL'] ? false : 'TEST_DATABASE_URL is not set';
const T0 = Date.UTC(2026, 0, 5, 9);
/** 6 background calls a minute: one every 10 s. */
const OPTIONS = { perMinute: 10, reserve: { concurrent: 1, perMinute: 4, perDay: 0 } };

describe('shared limiter deferral (PostgreSQL)', { skip }, () => {
  let store: TestStore;
  before(async () => {
    store = await createTestStore('postgres');
  });
  after(() => store.destroy());

  it('defers jobs of a spent organisation, paced across processes; others go', async () => {
    let nowMs = T0;
    const clock = { now: () => new Date(nowMs) };
    const one = createSharedTenantLimiter({ db: store.db, clock, ...OPTIONS });
    const two = createSharedTenantLimiter({ db: store.db, clock, ...OPTIONS });
    for (let i = 0; i < 6; i++) await (await one.acquire('busy')).release();
    assert.equal(await one.deferral('busy', 2_000), T0 + MINUTE_MS);
    assert.equal(await two.deferral('busy', 2_000), T0 + MINUTE_MS + 10_000);
    assert.equal(await one.deferral('busy', 2_000), T0 + MINUTE_MS + 20_000);
    assert.equal(await two.deferral('quiet', 2_000), undefined, 'another organisation goes');
    nowMs = T0 + MINUTE_MS;
    assert.equal(await two.deferral('busy', 2_000), undefined, 'a new window: go');
  });

  it('brings deferred jobs back `returnGroup` at a time, one step of the pace per group', async () => {
    const clock = { now: () => new Date(T0) };
    const one = createSharedTenantLimiter({ db: store.db, clock, returnGroup: 2, ...OPTIONS });
    const two = createSharedTenantLimiter({ db: store.db, clock, returnGroup: 2, ...OPTIONS });
    for (let i = 0; i < 6; i++) await (await one.acquire('grouped')).release();
    const returns = [
      await one.deferral('grouped', 2_000),
      await two.deferral('grouped', 2_000),
      await two.deferral('grouped', 2_000),
      await one.deferral('grouped', 2_000),
    ];
    const at = T0 + MINUTE_MS;
    assert.deepEqual(returns, [at, at, at + 10_000, at + 10_000]);
  });
});
