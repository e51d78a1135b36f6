import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { createTenantLimiter } from '../../src/xero/rate-limiter.js';

/** A clock that moves only when the limiter sleeps; every wait is recorded. */
function setup(options: { maxConcurrent?: number; perMinute?: number } = {}) {
  let nowMs = Date.UTC(2026, 0, 5, 9);
  const waits: number[] = [];
  const limiter = createTenantLimiter({
    clock: { now: () => new Date(nowMs) },
    sleep: async (ms) => {
      waits.push(ms);
      nowMs += ms;
    },
    ...options,
  });
  return { limiter, waits, advance: (ms: number) => (nowMs += ms) };
}

const turns = async (n = 10) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe('tenant limiter', () => {
  it('lets 5 calls of a tenant run at once and hands slots on in arrival order', async () => {
    const { limiter } = setup();
    const permits = await Promise.all(Array.from({ length: 5 }, () => limiter.acquire('t1')));
    const order: number[] = [];
    const sixth = limiter.acquire('t1').then((p) => (order.push(6), p));
    const seventh = limiter.acquire('t1').then((p) => (order.push(7), p));
    const other = await limiter.acquire('t2');
    await turns();
    assert.deepEqual(order, [], 'both wait for a slot; another tenant does not');
    permits[0]!.release();
    await turns();
    assert.deepEqual(order, [6]);
    permits[1]!.release();
    permits[1]!.release(); // twice is harmless
    await turns();
    assert.deepEqual(order, [6, 7]);
    permits[2]!.release();
    assert.ok(
      await Promise.race([limiter.acquire('t1').then(() => true), turns().then(() => false)]),
    );
    other.release();
    (await sixth).release();
    (await seventh).release();
  });

  it('paces to perMinute starts in a rolling minute', async () => {
    const { limiter, waits } = setup({ perMinute: 3 });
    for (let i = 0; i < 3; i++) (await limiter.acquire('t1')).release();
    (await limiter.acquire('t1')).release();
    assert.deepEqual(waits, [60_000]);
  });

  it('trusts X-MinLimit-Remaining, which counts other processes too', async () => {
    const { limiter, waits, advance } = setup();
    (await limiter.acquire('t1')).release({ minuteRemaining: 1 });
    advance(10_000);
    (await limiter.acquire('t1')).release();
    assert.deepEqual(waits, [], 'one call was left');
    (await limiter.acquire('t1')).release();
    assert.deepEqual(waits, [50_000], 'then wait until a minute after the reading');
  });

  it('holds a paused tenant until the pause ends', async () => {
    const { limiter, waits } = setup();
    limiter.pauseUntil('t1', Date.UTC(2026, 0, 5, 9) + 7000);
    (await limiter.acquire('t1')).release();
    (await limiter.acquire('t2')).release();
    assert.deepEqual(waits, [7000]);
  });
});
