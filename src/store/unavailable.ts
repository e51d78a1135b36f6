import { AppError } from '../errors.js';

/**
 * Whether a failure means the store cannot be reached or cannot write right now — PostgreSQL down,
 * restarting, failing over, dropping or refusing connections; SQLite locked by another process past
 * busy_timeout, out of disk, or failing I/O — rather than a bad query. Pure, so every boundary
 * classifies alike: db.ts turns such errors into `store_unavailable` (retryable, so jobs run again),
 * and the HTTP error handler answers them 503 with Retry-After (docs/errors.md).
 */

/**
 * Node socket errors of a connection that broke or never came up, and the file system's "disk full"
 * and "quota exceeded" (ENOSPC, EDQUOT), which a driver may pass on as they are.
 */
const NETWORK_CODES = new Set([
  'ENOSPC',
  'EDQUOT',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/**
 * PostgreSQL SQLSTATEs (https://www.postgresql.org/docs/current/errcodes-appendix.html):
 * class 08 connection exceptions; 57P01 admin_shutdown (also pg_terminate_backend), 57P02
 * crash_shutdown, 57P03 cannot_connect_now (starting up, or in recovery); 53300 too_many_connections;
 * 25006 read_only_sql_transaction (a write reached a standby while a failover settles).
 */
const POSTGRES_CODES = /^(08[0-9A-Z]{3}|57P0[123]|53300|25006)$/;

/**
 * SQLite result codes (https://www.sqlite.org/rescode.html), with their extended forms
 * (SQLITE_IOERR_WRITE, SQLITE_BUSY_SNAPSHOT, …) as better-sqlite3 reports them.
 */
const SQLITE_CODES = /^SQLITE_(BUSY|FULL|IOERR|CANTOPEN)(_|$)/;

/** node-postgres reports a dropped or unusable connection by message only. */
const POSTGRES_MESSAGES =
  /^(Connection terminated|Client has encountered a connection error|Client was closed and is not queryable|timeout exceeded when trying to connect|Cannot use a pool after calling end)/;

/**
 * An AppError decides by its own code (a Xero network failure carries ECONNREFUSED as its cause
 * and is not about the store); a driver error by its code or message. Node reports a failed
 * dual-stack connect as an AggregateError of one error per address.
 */
export function isStoreUnavailable(error: unknown): boolean {
  if (error instanceof AppError) return error.code === 'store_unavailable';
  if (error instanceof AggregateError && error.errors.some(isStoreUnavailable)) return true;
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (
    typeof code === 'string' &&
    (NETWORK_CODES.has(code) || POSTGRES_CODES.test(code) || SQLITE_CODES.test(code))
  ) {
    return true;
  }
  return typeof message === 'string' && POSTGRES_MESSAGES.test(message);
}

/** The retryable AppError for a store that cannot be used now; `cause` keeps the driver's error. */
export function storeUnavailable(cause: unknown): AppError {
  if (cause instanceof AppError && cause.code === 'store_unavailable') return cause;
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new AppError('store_unavailable', `The database is unavailable: ${reason}`, {
    retryable: true,
    cause,
  });
}

/** `store_unavailable` for an unavailable store; any other error as it is. */
export function toStoreError(error: unknown): unknown {
  return isStoreUnavailable(error) ? storeUnavailable(error) : error;
}
