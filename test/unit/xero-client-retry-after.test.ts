import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { parseRetryAfter } from '../../src/retry-after.js';
import { readRateLimitHeaders } from '../../src/xero/rate-limit-headers.js';
import { toWriteResult, validationMessages } from '../../src/xero/results.js';
import { toXeroError } from '../../src/xero/transport.js';

const NOW = Date.UTC(2026, 9, 21, 7, 0, 0);

describe('parseRetryAfter', () => {
  const cases: [string | null, number | undefined][] = [
    ['7', 7000],
    ['66975', 66_975_000],
    ['0', 0],
    ['Wed, 21 Oct 2026 07:00:30 GMT', 30_000],
    ['Wed, 21 Oct 2026 06:59:00 GMT', 0],
    [null, undefined],
    ['', undefined],
    ['-1', undefined],
    ['soon', undefined],
  ];
  for (const [header, expected] of cases)
    it(`${JSON.stringify(header)} → ${expected}`, () =>
      assert.equal(parseRetryAfter(header, NOW), expected));
});

describe('readRateLimitHeaders', () => {
  it('reads the remaining counts and the problem of a 429', () => {
    const headers = new Headers({
      'X-MinLimit-Remaining': '0',
      'X-DayLimit-Remaining': '4999',
      'X-AppMinLimit-Remaining': 'n/a',
      'X-Rate-Limit-Problem': 'Minute',
    });
    assert.deepEqual(readRateLimitHeaders(headers), {
      minuteRemaining: 0,
      dayRemaining: 4999,
      problem: 'minute',
    });
  });
});

describe('write results and validation messages', () => {
  it('maps StatusAttributeString to ok / warning / error', () => {
    assert.deepEqual(toWriteResult({ StatusAttributeString: 'OK' }), {
      ok: true,
      status: 'OK',
      element: { StatusAttributeString: 'OK' },
      warnings: [],
    });
    const warned = toWriteResult({
      StatusAttributeString: 'WARNING',
      Warnings: [{ Message: 'rate' }],
    });
    assert.ok(warned.ok && warned.status === 'WARNING' && warned.warnings[0] === 'rate');
    const failed = toWriteResult({
      StatusAttributeString: 'ERROR',
      ValidationErrors: [{ Message: 'Invoice # must be unique.' }],
      LineItems: [
        {
          ValidationErrors: [
            { Message: "Account code '999' is not a valid code for this document." },
          ],
        },
      ],
    });
    assert.deepEqual(failed.ok === false && failed.messages, [
      'Invoice # must be unique.',
      "Account code '999' is not a valid code for this document.",
    ]);
  });

  it('collects messages of a ValidationException, or its Message when elements say nothing', () => {
    const body = {
      Type: 'ValidationException',
      Message: 'A validation exception occurred',
      Elements: [
        { ValidationErrors: [{ Message: 'a' }], Contact: { ValidationErrors: [{ Message: 'b' }] } },
        { ValidationErrors: [{ Message: 'a' }] },
      ],
    };
    assert.deepEqual(validationMessages(body), ['a', 'b']);
    assert.deepEqual(
      validationMessages({
        Type: 'ValidationException',
        Message: 'Idempotency Key: k is used with a different request.',
      }),
      ['Idempotency Key: k is used with a different request.'],
    );
  });
});

describe('toXeroError', () => {
  const facts = { method: 'PUT', path: '/Invoices' };
  const table: [number, unknown, string, boolean][] = [
    [
      400,
      { Type: 'ValidationException', Elements: [], Message: 'x' },
      'xero_validation_failed',
      false,
    ],
    [400, 'bad', 'xero_bad_request', false],
    [
      401,
      { Title: 'Unauthorized', Detail: 'AuthorizationUnsuccessful' },
      'xero_unauthorized',
      false,
    ],
    [
      403,
      { Title: 'Forbidden', Detail: 'AuthenticationUnsuccessful' },
      'xero_tenant_forbidden',
      false,
    ],
    [404, "The resource you're looking for cannot be found", 'xero_not_found', false],
    [429, '', 'xero_rate_limited', true],
    [500, { Title: 'An error occurred' }, 'xero_unavailable', true],
    [503, undefined, 'xero_unavailable', true],
    [409, undefined, 'xero_request_failed', false],
  ];
  for (const [status, body, code, retryable] of table)
    it(`${status} → ${code}`, () => {
      const error = toXeroError(body, { ...facts, status });
      assert.equal(error.code, code);
      assert.equal(error.retryable, retryable);
      assert.equal(error.status, status);
      assert.match(error.message, /^Xero PUT \/Invoices → \d{3}: /);
    });
});
