import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { SandboxClock } from '../../sandbox/common/clock.js';
import { XeroRateLimiter } from '../../sandbox/xero/transport/rate-limiter.js';

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);

function limiterWith(limits: ConstructorParameters<typeof XeroRateLimiter>[1]) {
  const clock = new SandboxClock(T0);
  clock.setRate(1e-9); // freeze time: only advance() moves it
  return { clock, limiter: new XeroRateLimiter(clock, limits) };
}

describe('XeroRateLimiter', () => {
  it('counts down the three headers per call', () => {
    const { limiter } = limiterWith({});
    const first = limiter.admit('app', 't1');
    assert.equal(first.ok, true);
    assert.deepEqual(first.headers, {
      'X-DayLimit-Remaining': '4999',
      'X-MinLimit-Remaining': '59',
      'X-AppMinLimit-Remaining': '9999',
    });
    assert.deepEqual(limiter.headers('app', 't2'), {
      'X-DayLimit-Remaining': '5000',
      'X-MinLimit-Remaining': '60',
      'X-AppMinLimit-Remaining': '9999',
    });
  });

  it('refuses the 61st call in a minute with Retry-After until the window ends, then resets', () => {
    const { clock, limiter } = limiterWith({});
    for (let i = 0; i < 60; i++) {
      const admission = limiter.admit('app', 't1');
      assert.equal(admission.ok, true);
      if (admission.ok) admission.release();
      clock.advance(500);
    }
    const refused = limiter.admit('app', 't1');
    assert.equal(refused.ok, false);
    assert.equal(!refused.ok && refused.problem, 'minute');
    // 60 calls took 30 s, so the fixed window that opened at T0 ends in 30 s.
    assert.equal(!refused.ok && refused.retryAfterSeconds, 30);
    assert.equal(refused.headers['X-MinLimit-Remaining'], '0');
    assert.equal(limiter.admit('app', 't2').ok, true, 'another tenant has its own window');
    clock.advance(30_000);
    const after = limiter.admit('app', 't1');
    assert.equal(after.ok, true);
    assert.equal(after.headers['X-MinLimit-Remaining'], '59');
  });

  it('refuses per day with a long Retry-After', () => {
    const { clock, limiter } = limiterWith({ perDayPerTenant: 3 });
    for (let i = 0; i < 3; i++) limiter.admit('app', 't1');
    clock.advance(61_000); // a new minute, same day
    const refused = limiter.admit('app', 't1');
    assert.equal(!refused.ok && refused.problem, 'day');
    assert.equal(!refused.ok && refused.retryAfterSeconds, 24 * 3600 - 61);
    assert.equal(refused.headers['X-DayLimit-Remaining'], '0');
  });

  it('refuses per app across tenants', () => {
    const { limiter } = limiterWith({ perMinutePerApp: 2 });
    assert.equal(limiter.admit('app', 't1').ok, true);
    assert.equal(limiter.admit('app', 't2').ok, true);
    const refused = limiter.admit('app', 't3');
    assert.equal(!refused.ok && refused.problem, 'appminute');
    assert.equal(!refused.ok && refused.retryAfterSeconds, 60);
    assert.equal(limiter.admit('other-app', 't3').ok, true);
  });

  it('holds concurrency slots until released, without Retry-After', () => {
    const { limiter } = limiterWith({ concurrentPerTenant: 2 });
    const a = limiter.admit('app', 't1');
    const b = limiter.admit('app', 't1');
    const refused = limiter.admit('app', 't1');
    assert.equal(!refused.ok && refused.problem, 'concurrent');
    assert.equal(!refused.ok && refused.retryAfterSeconds, undefined);
    if (a.ok) {
      a.release();
      a.release(); // releasing twice frees one slot only
    }
    assert.equal(limiter.inFlightFor('app', 't1'), 1);
    assert.equal(limiter.admit('app', 't1').ok, true);
    assert.equal(limiter.admit('app', 't1').ok, false);
    assert.ok(b.ok);
  });

  it('refused calls do not count', () => {
    const { limiter } = limiterWith({ perMinutePerTenant: 1 });
    limiter.admit('app', 't1');
    limiter.admit('app', 't1');
    assert.equal(limiter.headers('app', 't1')['X-DayLimit-Remaining'], '4999');
  });
});
