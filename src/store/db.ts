import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import type pg from 'pg';

import { type DatabaseTarget, type DialectName, parseDatabaseUrl } from './dialect.js';
import { reportingPool, reportingSqlite } from './reporting-driver.js';
import type { Database } from './tables.js';
import { BACKSTOP_PAGES, createWalCheckpointer, type WalCheckpointer } from './wal-checkpointer.js';

export type { DialectName };
/** A database handle or an open transaction; repositories accept either. */
export type Db = Kysely<Database>;

export interface OpenDatabase {
  db: Kysely<Database>;
  dialect: DialectName;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL pool size; 10 by default (pg's own default). Ignored for SQLite. */
  maxConnections?: number;
  /** How long SQLite waits for another process's write lock, in ms; 5000 by default. */
  busyTimeoutMs?: number;
  /**
   * Called when a PostgreSQL connection fails outside a query (the server restarted, the backend
   * was terminated, the network dropped), whether the connection was idle in the pool or checked
   * out. Ignored by default; either way the process carries on (node-postgres would otherwise
   * crash it with an unhandled 'error' event) and the pool opens a new connection when one is next
   * needed.
   */
  onConnectionError?: (error: Error) => void;
  /**
   * Called when SQLite's checkpoint thread fails (wal-checkpointer.ts); the connection's own
   * checkpoints carry on. Ignored by default.
   */
  onCheckpointerError?: (error: Error) => void;
}

/**
 * Opens the store named by `url` (see dialect.ts). Run `migrateToLatest(db)` before using it.
 * A query that fails because the store cannot be used now (unavailable.ts) rejects with the
 * retryable AppError `store_unavailable`; other failures reject as the driver reports them.
 */
export function openDatabase(url: string, options: OpenDatabaseOptions = {}): OpenDatabase {
  const target = parseDatabaseUrl(url);
  const checkpointer =
    target.dialect === 'sqlite' && target.filename !== ':memory:'
      ? createWalCheckpointer(target.filename, {
          ...(options.onCheckpointerError && { onError: options.onCheckpointerError }),
        })
      : undefined;
  const db = new Kysely<Database>({ dialect: createDialect(target, options, checkpointer) });
  return {
    db,
    dialect: target.dialect,
    close: async () => {
      // The thread's connection first: the app's, closed last, then checkpoints what is left.
      await checkpointer?.close();
      await db.destroy();
    },
  };
}

function createDialect(
  target: DatabaseTarget,
  options: OpenDatabaseOptions,
  checkpointer: WalCheckpointer | undefined,
) {
  if (target.dialect === 'postgres') {
    // pg is loaded only for PostgreSQL (synchronously: openDatabase is synchronous); an embedded
    // (SQLite) process never needs it, and loading it costs several MB of memory.
    const { Pool } = createRequire(import.meta.url)('pg') as typeof pg;
    const pool = new Pool({
      connectionString: target.connectionString,
      max: options.maxConnections ?? 10,
    });
    // pg emits 'error' on the client itself, and for an idle client again on the pool; a client
    // checked out (e.g. idle in a transaction while a use case waits on Xero) has no listener but
    // ours, and without one the process would crash.
    const reported = new WeakSet<Error>();
    const onError = (error: Error) => {
      if (reported.has(error)) return;
      reported.add(error);
      options.onConnectionError?.(error);
    };
    pool.on('error', onError);
    pool.on('connect', (client) => client.on('error', onError));
    return new PostgresDialect({ pool: reportingPool(pool) });
  }
  if (target.filename !== ':memory:') mkdirSync(dirname(target.filename), { recursive: true });
  const sqlite = new SqliteDatabase(target.filename);
  // WAL lets the web process read while the worker writes, and a second process (CLI, a restarted
  // worker) waits for the write lock instead of failing at once. synchronous stays FULL (the
  // default) so a webhook acknowledged after commit survives power loss too (invariant 2).
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  // SQLite enforces foreign keys only when asked (per connection).
  sqlite.pragma('foreign_keys = ON');
  // Checkpoints are the thread's, off the event loop; this connection's own come later, as a
  // backstop (wal-checkpointer.ts).
  if (checkpointer !== undefined) sqlite.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  return new SqliteDialect({ database: reportingSqlite(sqlite) });
}

/**
 * Runs `fn` in one transaction: commit when it resolves, roll back when it throws. Inside, pass the
 * `trx` to repositories in place of `db`.
 * On SQLite, Kysely holds the single connection for the whole transaction, so the process's other
 * queries wait; keep transactions short and free of network calls.
 */
export function withTransaction<T>(
  db: Db,
  fn: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  if (db.isTransaction) return fn(db as Transaction<Database>);
  return db.transaction().execute(fn);
}

/** Which dialect a handle (or transaction) talks to, for the few places that must differ. */
export function dialectOf(db: Db): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** Timestamps are stored as ISO-8601 UTC text (tables.ts). */
export const toDbTime = (date: Date): string => date.toISOString();
export const fromDbTime = (text: string): Date => new Date(text);
export const fromDbTimeOrNull = (text: string | null): Date | null =>
  text === null ? null : new Date(text);
