import type BetterSqlite3 from 'better-sqlite3';
import type {
  PostgresPool,
  PostgresPoolClient,
  SqliteDatabase as KyselySqliteDatabase,
  SqliteStatement,
} from 'kysely';
import type pg from 'pg';

import { storeUnavailable, toStoreError } from './unavailable.js';

/**
 * The drivers as Kysely's dialects see them (its PostgresPool and SqliteDatabase interfaces), with
 * failures of an unavailable store reported as the retryable AppError `store_unavailable`
 * (unavailable.ts), so that every repository, use case and route gets one typed error whatever
 * the dialect. Everything else passes through unchanged.
 */
export function reportingPool(pool: pg.Pool): PostgresPool {
  // One wrapper per pg client: Kysely keeps one connection object per client it is given.
  const wrappers = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  return {
    async connect() {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        // No connection at all (refused, timed out, database not accepting connections, …).
        throw storeUnavailable(error);
      }
      let wrapper = wrappers.get(client);
      if (wrapper === undefined) {
        wrapper = reportingClient(client);
        wrappers.set(client, wrapper);
      }
      return wrapper;
    },
    end: () => pool.end(),
  };
}

function reportingClient(client: pg.PoolClient): PostgresPoolClient {
  const query = (sql: string, parameters: readonly unknown[]) =>
    client.query(sql, [...parameters]).catch((error: unknown) => {
      throw toStoreError(error);
    });
  return {
    // Only the (sql, parameters) form: Kysely uses the cursor form only when the dialect is given
    // a cursor class, and db.ts gives none.
    query: query as unknown as PostgresPoolClient['query'],
    release: (destroy) => client.release(destroy),
  };
}

/**
 * Statements kept prepared, by SQL text: Kysely prepares each query anew, and preparing costs more
 * than running the small queries of a webhook intake. Bounded, oldest out (the SQL of a multi-row
 * insert varies with its row count).
 */
const PREPARED_STATEMENTS = 256;

export function reportingSqlite(database: BetterSqlite3.Database): KyselySqliteDatabase {
  const prepared = new Map<string, BetterSqlite3.Statement>();
  const prepare = (sql: string) => {
    let statement = prepared.get(sql);
    if (statement === undefined) {
      statement = reporting(() => database.prepare(sql));
      prepared.set(sql, statement);
      if (prepared.size > PREPARED_STATEMENTS) prepared.delete(prepared.keys().next().value!);
    }
    return statement;
  };
  return {
    close: () => database.close(),
    prepare(sql) {
      const statement = prepare(sql);
      return {
        reader: statement.reader,
        all: (parameters) => reporting(() => statement.all(parameters)),
        run: (parameters) => reporting(() => statement.run(parameters)),
        // An iteration holds its statement until it ends: a fresh one, so the cached stays free.
        iterate: (parameters) => reporting(() => database.prepare(sql).iterate(parameters)),
      } satisfies SqliteStatement;
    },
  };
}

function reporting<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw toStoreError(error);
  }
}
