import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { AppError } from '../../src/errors.js';
import { STORE_RETRY_AFTER_SECONDS, toAnswer } from '../../src/http/error-handler.js';
import { isStoreUnavailable, storeUnavailable } from '../../src/store/unavailable.js';
import { XeroApiError } from '../../src/xero/errors.js';

/** An error as a driver throws it: a message and a `code` (SQLSTATE, errno name or SQLite code). */
function driverError(message: string, code?: string): Error {
  return Object.assign(new Error(message), code === undefined ? {} : { code });
}

const unavailable: [string, unknown][] = [
  [
    'PostgreSQL refuses connections',
    driverError('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
  ],
  [
    'both addresses of localhost refuse',
    new AggregateError([driverError('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')], ''),
  ],
  ['the connection was reset', driverError('read ECONNRESET', 'ECONNRESET')],
  [
    'pg_terminate_backend (57P01 admin_shutdown)',
    driverError('terminating connection due to administrator command', '57P01'),
  ],
  [
    'the server crashed (57P02)',
    driverError('terminating connection because of crash of another server process', '57P02'),
  ],
  ['the server is starting up (57P03)', driverError('the database system is starting up', '57P03')],
  ['a connection exception (08006)', driverError('connection failure', '08006')],
  ['too many connections (53300)', driverError('sorry, too many clients already', '53300')],
  [
    'a write reached a standby (25006)',
    driverError('cannot execute INSERT in a read-only transaction', '25006'),
  ],
  ['the socket closed mid-query', driverError('Connection terminated unexpectedly')],
  [
    'a client that already failed',
    driverError('Client has encountered a connection error and is not queryable'),
  ],
  ['the pool timed out connecting', driverError('timeout exceeded when trying to connect')],
  ['SQLite locked past busy_timeout', driverError('database is locked', 'SQLITE_BUSY')],
  ['SQLite disk full', driverError('database or disk is full', 'SQLITE_FULL')],
  ['a file system out of space', driverError('ENOSPC: no space left on device', 'ENOSPC')],
  ['SQLite write failed', driverError('disk I/O error', 'SQLITE_IOERR_WRITE')],
  ['SQLite cannot open the file', driverError('unable to open database file', 'SQLITE_CANTOPEN')],
  ['our own AppError', storeUnavailable(driverError('x', '57P01'))],
];

const other: [string, unknown][] = [
  [
    'a unique violation (23505)',
    driverError('duplicate key value violates unique constraint', '23505'),
  ],
  ['a syntax error (42601)', driverError('syntax error at or near "selec"', '42601')],
  [
    'a serialization failure (40001): retried, but the store is up',
    driverError('could not serialize access', '40001'),
  ],
  [
    'a SQLite constraint',
    driverError('UNIQUE constraint failed: runs.id', 'SQLITE_CONSTRAINT_UNIQUE'),
  ],
  // A vendor's network failure names ECONNREFUSED in its cause; it is not about the store.
  [
    'Xero unreachable',
    new XeroApiError('xero_unavailable', 'no answer', {
      method: 'PUT',
      path: '/Invoices',
      cause: driverError('connect ECONNREFUSED', 'ECONNREFUSED'),
    }),
  ],
  ['another AppError', new AppError('settings_invalid', 'bad settings')],
  ['a plain bug', new TypeError('undefined is not a function')],
  ['not an error', 'ECONNREFUSED'],
];

describe('isStoreUnavailable', () => {
  for (const [name, error] of unavailable) {
    it(`yes: ${name}`, () => assert.equal(isStoreUnavailable(error), true));
  }
  for (const [name, error] of other) {
    it(`no: ${name}`, () => assert.equal(isStoreUnavailable(error), false));
  }
});

describe('storeUnavailable', () => {
  it('is a retryable AppError that keeps the driver error as its cause', () => {
    const cause = driverError('terminating connection due to administrator command', '57P01');
    const error = storeUnavailable(cause);
    assert.equal(error.code, 'store_unavailable');
    assert.equal(error.retryable, true);
    assert.equal(error.retryAfterMs, undefined, 'jobs keep their growing backoff');
    assert.equal(error.cause, cause);
  });
});

describe('HTTP answer while the store is unavailable', () => {
  for (const [name, error] of unavailable) {
    it(`503 store_unavailable with Retry-After: ${name}`, () => {
      const answer = toAnswer(error);
      assert.equal(answer.status, 503);
      assert.equal(answer.code, 'store_unavailable');
      assert.equal(answer.retryAfterSeconds, STORE_RETRY_AFTER_SECONDS);
    });
  }
  it('other failures keep their answers', () => {
    assert.equal(toAnswer(new TypeError('bug')).status, 500);
    assert.equal(toAnswer(driverError('duplicate key', '23505')).status, 500);
    assert.equal(toAnswer(new AppError('settings_invalid', 'bad')).status, 400);
    assert.equal(toAnswer(new TypeError('bug')).retryAfterSeconds, undefined);
  });
});
