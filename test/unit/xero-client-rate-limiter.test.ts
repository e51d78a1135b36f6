import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { inXeroLane } from '../../src/xero/lane.js';
import { createTenantLimiter, type TenantLimiterOptions } from '../../src/xero/rate-limiter.js';

const NO_RESERVE = { concurrent: 0, perMinute: 0, perDay: 0 };

/** A clock that moves only when the limiter sleeps; every wait is recorded. */
function setup(options: Partial<TenantLimiterOptions> = {}) {
  let nowMs = Date.UTC(2026, 0, 5, 9);
  const waits: number[] = [];
  const limiter = createTenantLimiter({
    clock: { now: () => new Date(nowMs) },
    sleep: async (ms) => {
      waits.push(ms);
      nowMs += ms;
    },
    reserve: NO_RESERVE,
    ...options,
  });
  return { limiter, waits, advance: (ms: number) => (nowMs += ms), now: () => nowMs };
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
    await permits[0]!.release();
    await turns();
    assert.deepEqual(order, [6]);
    await permits[1]!.release();
    await permits[1]!.release(); // twice is harmless
    await turns();
    assert.deepEqual(order, [6, 7]);
    await permits[2]!.release();
    assert.ok(
      await Promise.race([limiter.acquire('t1').then(() => true), turns().then(() => false)]),
    );
    await other.release();
    await (await sixth).release();
    await (await seventh).release();
  });

  it('counts in fixed windows anchored on the answer to their first call', async () => {
    const { limiter, waits, advance } = setup({ perMinute: 3 });
    const first = await limiter.acquire('t1');
    advance(400); // the first call's answer takes 400 ms: Xero's window began in between
    await first.release();
    for (let i = 0; i < 2; i++) await (await limiter.acquire('t1')).release();
    await (await limiter.acquire('t1')).release();
    assert.deepEqual(waits, [60_000], 'the window ends 60 s after the first answer, not later');
  });

  it('trusts X-MinLimit-Remaining, which counts other processes too', async () => {
    const { limiter, waits, advance } = setup();
    await (await limiter.acquire('t1')).release({ minuteRemaining: 1 });
    advance(10_000);
    await (await limiter.acquire('t1')).release();
    assert.deepEqual(waits, [], 'one call was left');
    await (await limiter.acquire('t1')).release();
    assert.deepEqual(waits, [50_000], 'then wait until the window (anchored on the first) ends');
  });

  it('holds a paused tenant until the pause ends', async () => {
    const { limiter, waits } = setup();
    await limiter.pauseUntil('t1', Date.UTC(2026, 0, 5, 9) + 7000);
    await (await limiter.acquire('t1')).release();
    await (await limiter.acquire('t2')).release();
    assert.deepEqual(waits, [7000]);
  });

  it('keeps the app-wide minute across tenants', async () => {
    const { limiter, waits } = setup({ appPerMinute: 2 });
    await (await limiter.acquire('t1')).release();
    await (await limiter.acquire('t2')).release();
    await (await limiter.acquire('t3')).release();
    assert.deepEqual(waits, [60_000]);
  });

  it('answers a call a person waits on at once while a backlog has used the rest', async () => {
    let nowMs = Date.UTC(2026, 0, 5, 9);
    const sleeps: { ms: number; end(): void }[] = [];
    const limiter = createTenantLimiter({
      clock: { now: () => new Date(nowMs) },
      // Time passes only when the test says so.
      sleep: (ms) =>
        new Promise((resolve) => sleeps.push({ ms, end: () => ((nowMs += ms), resolve()) })),
      perMinute: 10,
      reserve: { concurrent: 1, perMinute: 2, perDay: 0 },
    });
    // Background: up to 8 calls a window (10 less the reserve of 2), 4 at a time (5 less 1).
    const held = await Promise.all(Array.from({ length: 4 }, () => limiter.acquire('t1')));
    let fifthStarted = false;
    const fifth = limiter.acquire('t1').then((permit) => ((fifthStarted = true), permit));
    await turns();
    assert.equal(fifthStarted, false, 'the last slot is kept for the interactive lane');
    const interactive = await inXeroLane('interactive', () => limiter.acquire('t1'));
    await interactive.release();
    for (const permit of held) await permit.release();
    await (await fifth).release();
    for (let i = 0; i < 2; i++) await (await limiter.acquire('t1')).release();
    assert.equal(sleeps.length, 0, '8 calls; background stops there');
    let lateStarted = false;
    const late = limiter.acquire('t1').then((permit) => ((lateStarted = true), permit));
    await turns();
    assert.deepEqual(
      sleeps.map((sleep) => sleep.ms),
      [60_000],
      'background waits for the next window',
    );
    const person = await inXeroLane('interactive', () => limiter.acquire('t1'));
    await person.release();
    assert.equal(lateStarted, false, 'the interactive call used the reserve at once');
    for (const sleep of sleeps) sleep.end();
    await (await late).release();
  });
});
