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
  it('stays open while the window has calls left', () => {
    const pacer = new RatePacer();
    pacer.record(new Headers({ 'x-ratelimit-remaining': '5', 'x-ratelimit-reset': '2' }), NOW);
    assert.equal(pacer.waitMs(NOW), 0);
  });

  it('pauses until the reset when the window is spent', () => {
    const pacer = new RatePacer();
    pacer.record(new Headers({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '2' }), NOW);
    assert.equal(pacer.waitMs(NOW), 2000);
    assert.equal(pacer.waitMs(NOW + 1500), 500);
    assert.equal(pacer.waitMs(NOW + 2000), 0);
  });

  it('keeps the longer of two pauses', () => {
    const pacer = new RatePacer();
    pacer.pauseFor(5000, NOW);
    pacer.pauseFor(1000, NOW + 1000);
    assert.equal(pacer.waitMs(NOW + 1000), 4000);
  });
});
