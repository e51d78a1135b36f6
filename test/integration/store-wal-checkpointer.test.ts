import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

import SqliteDatabase from 'better-sqlite3';

import { BACKSTOP_PAGES, createWalCheckpointer } from '../../src/store/wal-checkpointer.js';

const dir = mkdtempSync(join(tmpdir(), 'pdx-checkpointer-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A store file as db.ts opens it (WAL, its own checkpoints only at the backstop), with `rows` of 1 KiB. */
function storeWith(name: string, rows: number) {
  const filename = join(dir, name);
  const sqlite = new SqliteDatabase(filename);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  sqlite.exec('create table events (id integer primary key, payload text not null)');
  const insert = sqlite.prepare('insert into events (payload) values (?)');
  for (let batch = 0; batch < rows / 100; batch += 1)
    sqlite.transaction(() => {
      for (let row = 0; row < 100; row += 1) insert.run('x'.repeat(1024));
    })();
  return { filename, sqlite };
}

async function until(condition: () => boolean, ms = 5000): Promise<boolean> {
  const end = Date.now() + ms;
  while (!condition() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 10));
  return condition();
}

describe('SQLite WAL checkpoints on a thread of their own', () => {
  it('copies the WAL into the database file, leaving the app connection nothing to do', async () => {
    const { filename, sqlite } = storeWith('busy.db', 2000);
    // Written, the pages are in the WAL alone: the app's connection checkpoints only at 10,000.
    assert.ok(statSync(filename).size < 100_000);
    const checkpointer = createWalCheckpointer(filename, {
      startBytes: 1_000_000,
      watchMs: 10,
      intervalMs: 10,
    });
    assert.ok(await until(() => statSync(filename).size > 2000 * 1024), 'checkpointed');
    assert.equal(checkpointer.started, true);
    // Nothing left for a checkpoint of the app's own (its log frames all copied already).
    const [result] = sqlite.pragma('wal_checkpoint(PASSIVE)') as {
      log: number;
      checkpointed: number;
    }[];
    assert.equal(result?.checkpointed, result?.log);
    await checkpointer.close();
    sqlite.close();
    const reopened = new SqliteDatabase(filename, { readonly: true });
    assert.deepEqual(reopened.prepare('select count(*) as n from events').get(), { n: 2000 });
    reopened.close();
  });

  it('is not started while the WAL stays below SQLite’s own checkpoint point', async () => {
    const { filename, sqlite } = storeWith('quiet.db', 200);
    const checkpointer = createWalCheckpointer(filename, { watchMs: 10 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(checkpointer.started, false);
    await checkpointer.close();
    sqlite.close();
  });

  it('reports a thread that fails; closing it still resolves', async () => {
    const failures: Error[] = [];
    const checkpointer = createWalCheckpointer(join(dir, 'missing.db'), {
      startBytes: 0,
      watchMs: 10,
      onError: (error) => failures.push(error),
    });
    assert.ok(await until(() => failures.length > 0), 'reported');
    assert.match(failures[0]?.message ?? '', /SQLITE_CANTOPEN/);
    await checkpointer.close();
  });
});
