import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import pg from 'pg';

import { type DialectName, type OpenDatabase, openDatabase } from '../../src/store/db.js';
import { migrateToLatest } from '../../src/store/migrations/index.js';
import { upsertCompany } from '../../src/store/repos/companies.js';

/**
 * Store tests run once per dialect (kysely test/node): SQLite always, PostgreSQL when
 * TEST_DATABASE_URL is set. Each test file gets a fresh database of its own (graphile
 * __tests__/helpers.ts): a temporary SQLite file, or `CREATE DATABASE pdx_<random>` made through
 * the TEST_DATABASE_URL connection and dropped afterwards.
 *
 *   for (const dialect of testDialects()) {
 *     describe(`documents (${dialect})`, () => {
 *       let store: TestStore;
 *       before(async () => { store = await createTestStore(dialect); });
 *       after(() => store.destroy());
 *       …
 */
export function testDialects(): DialectName[] {
  return process.env['TEST_DATABASE_URL'] ? ['sqlite', 'postgres'] : ['sqlite'];
}

export interface TestDatabase {
  url: string;
  /** Removes the database (and, for SQLite, its directory). */
  drop(): Promise<void>;
}

export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), 'pdx-store-'));
    return {
      url: `sqlite:${join(dir, 'app.db')}`,
      drop: () => rm(dir, { recursive: true, force: true }),
    };
  }
  const adminUrl = process.env['TEST_DATABASE_URL'];
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `pdx_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await withAdmin(adminUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      );
    },
  };
}

async function withAdmin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface TestStore extends OpenDatabase {
  url: string;
  /** Closes the store and drops its database. */
  destroy(): Promise<void>;
}

/** A fresh, migrated store for one test file. */
/** A test store with companies `ids` installed (domain `c<id>`), for a repository's own tests. */
export async function createStoreWithCompanies(
  dialect: DialectName,
  ids: readonly number[],
  installedAt = new Date('2026-01-01T00:00:00Z'),
): Promise<TestStore> {
  const store = await createTestStore(dialect);
  for (const id of ids)
    await upsertCompany(store.db, {
      id,
      domain: `c${id}`,
      apiDomain: `https://c${id}.pipedrive.com`,
      installedAt,
    });
  return store;
}

export async function createTestStore(dialect: DialectName): Promise<TestStore> {
  const database = await createTestDatabase(dialect);
  const store = openDatabase(database.url);
  await migrateToLatest(store.db);
  return {
    ...store,
    url: database.url,
    async destroy() {
      await store.close();
      await database.drop();
    },
  };
}
