import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { sql } from 'kysely';

import { openDatabase } from '../../src/store/db.js';
import { parseDatabaseUrl } from '../../src/store/dialect.js';
import { migrateToLatest } from '../../src/store/migrations/index.js';
import { deleteCompany, getCompany, upsertCompany } from '../../src/store/repos/companies.js';
import { claimDocument, getDocument } from '../../src/store/repos/documents.js';
import { createRun, getRun } from '../../src/store/repos/runs.js';
import { createTestStore, testDialects, type TestStore } from '../support/each-dialect.js';

const at = new Date('2026-03-01T10:00:00.000Z');

describe('parseDatabaseUrl', () => {
  const cases: [string, ReturnType<typeof parseDatabaseUrl>][] = [
    ['sqlite:./data/app.db', { dialect: 'sqlite', filename: './data/app.db' }],
    ['sqlite:///var/lib/app.db', { dialect: 'sqlite', filename: '/var/lib/app.db' }],
    [':memory:', { dialect: 'sqlite', filename: ':memory:' }],
    ['sqlite::memory:', { dialect: 'sqlite', filename: ':memory:' }],
    [
      'postgres://u:p@db:5432/app',
      { dialect: 'postgres', connectionString: 'postgres://u:p@db:5432/app' },
    ],
    ['postgresql://db/app', { dialect: 'postgres', connectionString: 'postgresql://db/app' }],
  ];
  for (const [url, expected] of cases) {
    it(`reads ${url}`, () => assert.deepEqual(parseDatabaseUrl(url), expected));
  }

  it('refuses anything else without echoing a password', () => {
    assert.throws(
      () => parseDatabaseUrl('mysql://root:hunter2@db/app'),
      (error: Error & { code?: string }) =>
        error.code === 'store_bad_url' && !error.message.includes('hunter2'),
    );
    assert.throws(() => parseDatabaseUrl('sqlite:'), { code: 'store_bad_url' });
  });
});

it('works on an in-memory SQLite database', async () => {
  const store = openDatabase(':memory:');
  try {
    await migrateToLatest(store.db);
    await upsertCompany(store.db, { id: 1, domain: 'a', apiDomain: 'https://a', installedAt: at });
    assert.equal((await getCompany(store.db, 1))?.domain, 'a');
  } finally {
    await store.close();
  }
});

for (const dialect of testDialects()) {
  describe(`schema (${dialect})`, () => {
    let store: TestStore;
    before(async () => {
      store = await createTestStore(dialect);
    });
    after(() => store.destroy());

    it('reports its dialect', () => assert.equal(store.dialect, dialect));

    it('creates every table, and running the migrations again changes nothing', async () => {
      const tables = await store.db.introspection.getTables();
      const names = tables.map((table) => table.name).filter((name) => !name.startsWith('kysely_'));
      assert.deepEqual(names.sort(), [
        'api_keys',
        'bulk_syncs',
        'catch_up_state',
        'companies',
        'contact_links',
        'creation_locks',
        'deal_notes',
        'documents',
        'inbox_events',
        'item_links',
        'jobs',
        'oauth_states',
        'pipedrive_connections',
        'runs',
        'sessions',
        'trigger_firings',
        'usage',
        'worker_heartbeats',
        'xero_connections',
        'xero_org_items',
        'xero_org_references',
        'xero_rate_budgets',
        'xero_rate_slots',
      ]);
      assert.deepEqual(await migrateToLatest(store.db), []);
    });

    it('round-trips settings JSON and keeps settings on reinstall', async () => {
      const settings = { triggers: [{ stageId: 3, kind: 'invoice' }], unicode: 'ü ✓' };
      await upsertCompany(store.db, {
        id: 10,
        domain: 'acme',
        apiDomain: 'https://acme.pipedrive.com',
        installedAt: at,
        settings,
      });
      await upsertCompany(store.db, {
        id: 10,
        domain: 'acme-renamed',
        apiDomain: 'https://acme.pipedrive.com',
        installedAt: new Date(),
      });
      const company = await getCompany(store.db, 10);
      assert.equal(company?.domain, 'acme-renamed');
      assert.deepEqual(company?.settings, settings);
      assert.deepEqual(company?.installedAt, at);
    });

    it('refuses rows of a company that does not exist (foreign keys are on)', async () => {
      await assert.rejects(createRun(store.db, { companyId: 999, kind: 'invoice' }, at));
    });

    it('removes every row of a company when it is deleted (uninstall)', async () => {
      await upsertCompany(store.db, {
        id: 11,
        domain: 'b',
        apiDomain: 'https://b',
        installedAt: at,
      });
      const run = await createRun(store.db, { companyId: 11, kind: 'invoice', dealId: 5 }, at);
      const key = { companyId: 11, dealId: 5, triggerKey: 'stage:3' };
      await claimDocument(
        store.db,
        { ...key, type: 'invoice', reference: 'PD-5', currency: 'NZD', tenantId: 't' },
        at,
      );
      assert.equal(await deleteCompany(store.db, 11), true);
      assert.equal(await getRun(store.db, 11, run.id), undefined);
      assert.equal(await getDocument(store.db, key), undefined);
      const left = await sql<{
        n: number;
      }>`select count(*) as n from runs where company_id = 11`.execute(store.db);
      assert.equal(Number(left.rows[0]?.n), 0);
    });
  });
}
