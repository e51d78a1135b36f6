import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { RatePacer, retryAfterMs } from '../../src/pipedrive/rate-timing.js';

const NOW = Date.parse('2026-09-01T09:00:00Z');

describe('retryAfterMs', () => {
  const table: [string, Record<string, string>, number | undefined][] = [
    ['Retry-After seconds', { 'retry-after': '3' }, 3000],
    ['Retry-After HTTP date', { 'retry-after': new Date(NOW + 4500).toUTCString() }, 4000],
    [
      'Retry-After wins over x-ratelimit-reset',
      { 'retry-after': '1', 'x-ratelimit-reset': '2' },
      1000,
    ],
    ['x-ratelimit-reset seconds (§6)', { 'x-ratelimit-reset': '2' }, 2000],
    ['nothing', {}, undefined],
    ['garbage', { 'retry-after': 'soon', 'x-ratelimit-reset': 'later' }, undefined],
  ];
  for (const [name, headers, expected] of table) {
    it(name, () => assert.equal(retryAfterMs(new Headers(headers), NOW), expected));
  }
});

describe('RatePacer', () => {
  it('hands out a window of slots at once, then the next as the first leaves (plus the margin)', () => {
    const pacer = new RatePacer({ limit: 3, windowMs: 2000, marginMs: 100 });
    assert.deepEqual(
      [0, 0, 0, 0, 0].map(() => pacer.reserve(NOW)),
      [0, 0, 0, 2100, 2100],
    );
    assert.equal(pacer.reserve(NOW + 500), 1600, 'behind the third: its window ends at 2100');
    assert.equal(pacer.reserve(NOW + 5000), 0, 'every window has passed');
  });

  it('counts a window from when its call left, if that was after its slot', () => {
    const pacer = new RatePacer({ limit: 1, windowMs: 2000, marginMs: 100 });
    assert.equal(pacer.reserve(NOW), 0);
    pacer.left(NOW, NOW + 500); // the process was busy for half a second
    assert.equal(pacer.reserve(NOW + 500), 2100);
  });

  it('holds each window longer by the slowest recent round trip', () => {
    const pacer = new RatePacer({ limit: 1, windowMs: 2000, marginMs: 100 });
    assert.equal(pacer.reserve(NOW), 0);
    pacer.record(new Headers({ 'x-ratelimit-limit': '1' }), NOW + 400, NOW);
    assert.equal(pacer.reserve(NOW + 400), 2000, 'the window plus 400 ms, from the first call');
  });

  it('starts at the OAuth minimum of 80 (76 used: a twentieth kept back) and learns the window from x-ratelimit-limit', () => {
    const pacer = new RatePacer({ marginMs: 0 });
    const waits = Array.from({ length: 77 }, () => pacer.reserve(NOW));
    assert.equal(waits.filter((ms) => ms === 0).length, 76);
    assert.equal(waits[76], 2000);
    const larger = new RatePacer({ marginMs: 0 });
    larger.record(new Headers({ 'x-ratelimit-limit': '160', 'x-ratelimit-remaining': '159' }), NOW);
    const waits160 = Array.from({ length: 153 }, () => larger.reserve(NOW));
    assert.equal(waits160.filter((ms) => ms === 0).length, 152);
  });

  it('stays open while the window has calls left', () => {
    const pacer = new RatePacer();
    pacer.record(new Headers({ 'x-ratelimit-remaining': '5', 'x-ratelimit-reset': '2' }), NOW);
    assert.equal(pacer.reserve(NOW), 0);
  });

  it('pauses until the reset when the window is spent (another process may share the token)', () => {
    const pacer = new RatePacer();
    pacer.record(new Headers({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '2' }), NOW);
    assert.equal(pacer.reserve(NOW), 2000);
    assert.equal(pacer.reserve(NOW + 1500), 500);
    assert.equal(pacer.reserve(NOW + 2000), 0);
  });

  it('keeps the longer of two pauses', () => {
    const pacer = new RatePacer();
    pacer.pauseFor(5000, NOW);
    pacer.pauseFor(1000, NOW + 1000);
    assert.equal(pacer.reserve(NOW + 1000), 4000);
  });
});
