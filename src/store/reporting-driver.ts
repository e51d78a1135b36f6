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

export function reportingSqlite(database: BetterSqlite3.Database): KyselySqliteDatabase {
  return {
    close: () => database.close(),
    prepare(sql) {
      const statement = reporting(() => database.prepare(sql));
      return {
        reader: statement.reader,
        all: (parameters) => reporting(() => statement.all(parameters)),
        run: (parameters) => reporting(() => statement.run(parameters)),
        iterate: (parameters) => reporting(() => statement.iterate(parameters)),
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
