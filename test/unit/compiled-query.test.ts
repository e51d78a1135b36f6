import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { compiledQuery } from '../../src/store/compiled-query.js';
import { type OpenDatabase, openDatabase, withTransaction } from '../../src/store/db.js';

describe('compiledQuery', () => {
  let store: OpenDatabase;
  before(() => {
    store = openDatabase(':memory:');
  });
  after(() => store.close());

  // SELECT ?, ?, … : one column per parameter, each a stand-in when compiled.
  const counted = () => {
    const counts: number[] = [];
    const run = compiledQuery<Record<string, unknown>>((db, parameterCount) => {
      counts.push(parameterCount);
      return db
        .selectNoFrom((eb) =>
          Array.from({ length: parameterCount }, (_, index) => eb.val(index).as(`c${index}`)),
        )
        .compile();
    }, 2);
    return { run, counts };
  };

  it("compiles once per parameter count and runs with each call's values", async () => {
    const { run, counts } = counted();
    assert.deepEqual((await run(store.db, ['a'])).rows, [{ c0: 'a' }]);
    assert.deepEqual((await run(store.db, ['b'])).rows, [{ c0: 'b' }]);
    const inTransaction = await withTransaction(store.db, (trx) => run(trx, ['c', 'd']));
    assert.deepEqual(inTransaction.rows, [{ c0: 'c', c1: 'd' }]);
    assert.deepEqual(counts, [1, 2], 'a transaction uses the forms of its dialect');
  });

  it('keeps at most `limit` forms, the oldest out', async () => {
    const { run, counts } = counted();
    for (const parameters of [['a'], ['a', 'b'], ['a', 'b', 'c'], ['a', 'b', 'c'], ['a']])
      await run(store.db, parameters);
    assert.deepEqual(counts, [1, 2, 3, 1]);
  });

  it('refuses a form compiled with another number of parameters', async () => {
    const run = compiledQuery((db) => db.selectNoFrom((eb) => eb.val(1).as('one')).compile());
    await assert.rejects(run(store.db, [1, 2]), /compiled with 1 parameters, not 2/);
  });
});
