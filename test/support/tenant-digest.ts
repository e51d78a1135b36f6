import { createHash } from 'node:crypto';

import { sql } from 'kysely';

import type { Db } from '../../src/store/db.js';

/**
 * A fingerprint of everything the store holds for one company (every company-scoped table, in a
 * fixed order), plus the queue and the OAuth states, which are not scoped: equal fingerprints before
 * and after a request mean the request changed nothing of that company. An API key's
 * `last_used_at` is left out: it notes that the key was accepted, even when the request was then
 * refused for its input.
 */
const COMPANY_TABLES = [
  'pipedrive_connections',
  'xero_connections',
  'inbox_events',
  'runs',
  'documents',
  'contact_links',
  'item_links',
  'usage',
  'bulk_syncs',
  'deal_notes',
  'catch_up_state',
  'trigger_firings',
  'creation_locks',
  'sessions',
  'api_keys',
] as const;

export async function tenantDigest(db: Db, companyId: number): Promise<string> {
  const hash = createHash('sha256');
  const company = await db
    .selectFrom('companies')
    .selectAll()
    .where('id', '=', companyId)
    .execute();
  hash.update(JSON.stringify(company));
  for (const table of COMPANY_TABLES) {
    const { rows } = await sql<
      Record<string, unknown>
    >`select * from ${sql.table(table)} where company_id = ${companyId}`.execute(db);
    for (const row of rows) delete row['last_used_at'];
    // Order-independent: rows sorted by their JSON text.
    hash.update(`${table}:${JSON.stringify(rows.map((row) => JSON.stringify(row)).sort())}`);
  }
  for (const table of ['jobs', 'oauth_states'] as const) {
    const { rows } = await sql<{
      n: number;
    }>`select count(*) as n from ${sql.table(table)}`.execute(db);
    hash.update(`${table}:${rows[0]?.n}`);
  }
  return hash.digest('hex');
}
