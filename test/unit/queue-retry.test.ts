import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { AppError } from '../../src/errors.js';
import { backoffDelayMs, decideRetry, retryAfterMsOf } from '../../src/queue/retry.js';

const policy = { baseMs: 1_000, maxMs: 60_000 };

class LimitedError extends AppError {
  constructor(retryAfterMs: number | undefined) {
    super('xero_rate_limited', 'slow down', { retryable: true, retryAfterMs });
  }
}

describe('backoffDelayMs (exponential, equal jitter)', () => {
  const cases: [attempt: number, random: number, expected: number][] = [
    [1, 0, 500],
    [1, 0.999_999, 1_000],
    [2, 0.5, 1_500],
    [3, 0, 2_000],
    [7, 1, 60_000], // 64 s capped at maxMs
    [40, 0, 30_000], // far past the cap, never Infinity
  ];
  for (const [attempt, random, expected] of cases) {
    it(`attempt ${attempt}, random ${random} → ${expected} ms`, () => {
      assert.equal(
        backoffDelayMs(attempt, policy, () => random),
        expected,
      );
    });
  }
});

describe('decideRetry', () => {
  const cases: [string, unknown, number, ReturnType<typeof decideRetry>][] = [
    [
      'non-retryable AppError stops at once',
      new AppError('xero_validation_failed', 'bad'),
      1,
      { retry: false, reason: 'non_retryable' },
    ],
    [
      'non-retryable wins over attempts left',
      new AppError('xero_bad_request', 'y', { retryable: false }),
      1,
      { retry: false, reason: 'non_retryable' },
    ],
    [
      'retryable AppError backs off',
      new AppError('xero_unavailable', 'busy', { retryable: true }),
      2,
      { retry: true, delayMs: 1_500 },
    ],
    [
      'an unknown error is treated as transient',
      new TypeError('fetch failed'),
      1,
      { retry: true, delayMs: 750 },
    ],
    [
      'retryAfterMs is honoured as given',
      new LimitedError(42_000),
      1,
      { retry: true, delayMs: 42_000 },
    ],
    [
      'retryAfterMs undefined falls back to backoff',
      new LimitedError(undefined),
      1,
      { retry: true, delayMs: 750 },
    ],
    [
      'the last attempt does not retry',
      new AppError('xero_unavailable', 'busy', { retryable: true }),
      5,
      { retry: false, reason: 'attempts_exhausted' },
    ],
  ];
  for (const [name, error, attempt, expected] of cases) {
    it(name, () =>
      assert.deepEqual(
        decideRetry(error, attempt, 5, policy, () => 0.5),
        expected,
      ),
    );
  }

  it('reads retryAfterMs only from AppErrors with a usable number', () => {
    assert.equal(retryAfterMsOf(new LimitedError(10)), 10);
    assert.equal(retryAfterMsOf(new LimitedError(-1)), undefined);
    assert.equal(retryAfterMsOf(new LimitedError(Number.NaN)), undefined);
    assert.equal(retryAfterMsOf(Object.assign(new Error('x'), { retryAfterMs: 10 })), undefined);
  });
});
