import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { SandboxClock } from '../../sandbox/common/clock.js';

describe('SandboxClock', () => {
  it('advances virtual time and runs tasks that became due, in due order', () => {
    const clock = new SandboxClock(Date.UTC(2026, 0, 1));
    const ran: string[] = [];
    clock.after(30_000, () => ran.push('30s'));
    clock.after(3_000, () => ran.push('3s'));
    clock.after(150_000, () => ran.push('150s'));
    clock.advance(31_000);
    assert.deepEqual(ran, ['3s', '30s']);
    clock.advance(200_000);
    assert.deepEqual(ran, ['3s', '30s', '150s']);
    clock.stop();
  });

  it('does not run cancelled tasks', () => {
    const clock = new SandboxClock();
    let ran = false;
    clock.after(10, () => (ran = true)).cancel();
    clock.advance(1_000);
    assert.equal(ran, false);
    clock.stop();
  });

  it('runs faster than real time at a higher rate, and never backwards', () => {
    const clock = new SandboxClock(0);
    clock.setRate(1_000_000);
    const before = clock.now();
    const spinUntil = Date.now() + 5;
    while (Date.now() < spinUntil) {
      // busy-wait a few real milliseconds
    }
    assert.ok(clock.now() - before >= 4_000_000, 'at least 4,000 virtual seconds per 4 real ms');
    clock.setRate(1);
    assert.ok(clock.now() >= before);
    assert.throws(() => clock.advance(-1), RangeError);
    clock.stop();
  });
});
