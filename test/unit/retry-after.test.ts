import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { retryAfterMs } from '../../src/pipedrive/rate-timing.js';
import { parseRetryAfter } from '../../src/retry-after.js';

const NOW = Date.UTC(2026, 9, 21, 7, 0, 0);

/** One reading of Retry-After for both vendors (issue 9: they differed in rounding and in "-1"). */
describe('parseRetryAfter', () => {
  const cases: [string, string | null, number | undefined][] = [
    ['whole seconds', '7', 7000],
    ['a fraction of a millisecond waits the whole millisecond', '0.0004', 1],
    ['fractions round up, never early', '1.0001', 1001],
    ['an HTTP-date', 'Wed, 21 Oct 2026 07:00:30 GMT', 30_000],
    ['an HTTP-date in the past', 'Wed, 21 Oct 2026 06:59:00 GMT', 0],
    ['a negative number is not a date', '-1', undefined],
    ['nothing', null, undefined],
    ['words', 'soon', undefined],
  ];
  for (const [name, header, expected] of cases)
    it(name, () => assert.equal(parseRetryAfter(header, NOW), expected));
});

describe('Pipedrive reads Retry-After the same way', () => {
  it('rounds a fraction up', () =>
    assert.equal(retryAfterMs(new Headers({ 'retry-after': '0.0004' }), NOW), 1));
  it('falls back to x-ratelimit-reset when Retry-After is unreadable', () =>
    assert.equal(
      retryAfterMs(new Headers({ 'retry-after': '-1', 'x-ratelimit-reset': '2' }), NOW),
      2000,
    ));
});
