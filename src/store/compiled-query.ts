import type { CompiledQuery, QueryResult } from 'kysely';

import { type Db, type DialectName, dialectOf } from './db.js';

/**
 * A query compiled once per dialect and number of parameters (a multi-row insert's grows with its
 * rows), then run with each call's parameters on any handle or transaction of that dialect: for
 * the queries of every webhook delivery, which Kysely would otherwise build and compile anew each
 * time, at more cost than SQLite's running them. `compile` builds the query with stand-in values,
 * its parameters in the order the caller passes them. At most `limit` compiled forms are kept per
 * dialect, the oldest out. (The store's handles use no Kysely plugin, which could rewrite a query.)
 */
export function compiledQuery<R>(
  compile: (db: Db, parameterCount: number) => CompiledQuery<R>,
  limit = 1,
): (db: Db, parameters: readonly unknown[]) => Promise<QueryResult<R>> {
  const dialects = new Map<DialectName, Map<number, CompiledQuery<R>>>();
  return async (db, parameters) => {
    const dialect = dialectOf(db);
    let compiled = dialects.get(dialect);
    if (compiled === undefined) dialects.set(dialect, (compiled = new Map()));
    let query = compiled.get(parameters.length);
    if (query === undefined) {
      query = compile(db, parameters.length);
      if (query.parameters.length !== parameters.length)
        throw new Error(
          `compiled with ${query.parameters.length} parameters, not ${parameters.length}`,
        );
      compiled.set(parameters.length, query);
      if (compiled.size > limit) compiled.delete(compiled.keys().next().value!);
    }
    return db.executeQuery<R>({ ...query, parameters });
  };
}
