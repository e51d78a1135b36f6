import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';

import { type AppKit, COMPANY, SALES, startAppKit } from '../support/app-kit.js';

/**
 * Embedded mode (SQLite) when the store cannot take a write: the disk is full, or another process
 * holds the write lock past busy_timeout. A Pipedrive webhook then gets 503 `store_unavailable`
 * with Retry-After — never a 2xx for an event that was not stored, never a 500 — and the same
 * event delivered again once the store recovers is accepted. (The full mapping: unit test
 * store-unavailable.test.ts.)
 */
describe('app on SQLite: disk full or database locked', () => {
  let kit: AppKit;
  let delivered: { payload: any; authorization: string };
  before(async () => {
    kit = await startAppKit({ worker: false });
    // A real event and its credentials, from a move that triggers nothing.
    await kit.moveDeal(1, SALES.negotiation);
    const { deliveries } = await kit.control(
      'pipedrive',
      'GET',
      '/__sandbox/pipedrive/webhooks/deliveries',
    );
    delivered = deliveries.at(-1);
  });
  after(() => kit.close());

  /** A new event (its own meta.id) like the delivered one, `padding` bytes longer. */
  function newEvent(padding = 0) {
    const { payload } = delivered;
    return {
      ...payload,
      meta: { ...payload.meta, id: randomUUID() },
      data: { ...payload.data, padding: 'x'.repeat(padding) },
    };
  }

  const deliver = (event: unknown) =>
    fetch(`${kit.appUrl}/webhooks/pipedrive/${COMPANY}`, {
      method: 'POST',
      headers: { authorization: delivered.authorization, 'content-type': 'application/json' },
      body: JSON.stringify(event),
    });

  async function assertRefused(response: Response): Promise<void> {
    assert.equal(response.status, 503);
    assert.equal(response.headers.get('retry-after'), '5');
    assert.equal(((await response.json()) as any).error.code, 'store_unavailable');
  }

  const stored = async (event: { meta: { id: string } }) =>
    (await kit.app.db
      .selectFrom('inbox_events')
      .select('id')
      .where('event_key', '=', event.meta.id)
      .executeTakeFirst()) !== undefined;

  it('answers 503 while the disk is full (SQLITE_FULL), then accepts the redelivery', async () => {
    // SQLite's own cap on the file's size stands in for a full disk: no page can be added.
    const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(kit.app.db);
    await sql.raw(`pragma max_page_count = ${rows[0]!.page_count}`).execute(kit.app.db);
    const event = newEvent(200_000);
    try {
      await assertRefused(await deliver(event));
    } finally {
      await sql.raw('pragma max_page_count = 4294967294').execute(kit.app.db);
    }
    assert.equal(await stored(event), false);

    const again = await deliver(event);
    assert.equal(again.status, 200);
    assert.equal(await stored(event), true);
  });

  it('a settings save, a form and a sign-in on a full disk answer 503 with Retry-After, never 500', async () => {
    // The filler's table first (it needs a page), then the cap, then every free page taken too,
    // so that no write finds room.
    await sql`create table filler (blob text)`.execute(kit.app.db);
    const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(kit.app.db);
    await sql.raw(`pragma max_page_count = ${rows[0]!.page_count}`).execute(kit.app.db);
    for (const size of [100_000, 10_000, 1000, 100, 10]) {
      for (;;) {
        const full = await sql`insert into filler values (${'f'.repeat(size)})`
          .execute(kit.app.db)
          .then(
            () => false,
            () => true,
          );
        if (full) break;
      }
    }
    const large = { documents: { quote: { terms: 'T'.repeat(4000), summary: 'S'.repeat(3000) } } };
    try {
      const saved = await fetch(`${kit.appUrl}/api/companies/${COMPANY}/settings`, {
        method: 'PUT',
        headers: { ...kit.auth, 'content-type': 'application/json' },
        body: JSON.stringify(large),
      });
      await assertRefused(saved);
      const imported = await kit.session.fetch(`${kit.appUrl}/ui/settings/import`, {
        method: 'POST',
        body: new URLSearchParams({
          company: String(COMPANY),
          _csrf: kit.session.csrf,
          settingsJson: JSON.stringify(large),
        }),
      });
      assert.equal(imported.status, 503);
      assert.equal(imported.headers.get('retry-after'), '5');
      assert.match(await imported.text(), /store_unavailable/);
    } finally {
      await sql.raw('pragma max_page_count = 4294967294').execute(kit.app.db);
      await sql`drop table filler`.execute(kit.app.db);
    }
  });

  it('answers 503 while another process holds the write lock (SQLITE_BUSY)', async () => {
    const other = new SqliteDatabase(join(kit.dir, 'app.db'));
    other.exec('begin immediate');
    await sql.raw('pragma busy_timeout = 100').execute(kit.app.db);
    const event = newEvent();
    try {
      await assertRefused(await deliver(event));
    } finally {
      other.exec('rollback');
      other.close();
      await sql.raw('pragma busy_timeout = 5000').execute(kit.app.db);
    }
    assert.equal(await stored(event), false);

    const again = await deliver(event);
    assert.equal(again.status, 200);
    assert.equal(await stored(event), true);
  });
});
