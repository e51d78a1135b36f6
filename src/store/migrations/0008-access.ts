import type { Kysely } from 'kysely';

/**
 * Who may act for a company (docs/access.md): people's sessions, machines' API keys, and the OAuth
 * `state` nonces of the browser round trips. Secrets are never stored: a session id, an API key and
 * a browser's nonce are kept as their SHA-256 (they are 256-bit random values, so a plain hash is
 * enough). Sessions and keys go with their company on uninstall (store/repos/companies.ts).
 */
// Kysely's migration docs type `db` as Kysely<any>: a migration must not depend on today's schema.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('sessions')
    .addColumn('id_hash', 'text', (col) => col.primaryKey())
    .addColumn('company_id', 'integer', (col) => col.notNull())
    .addColumn('user_id', 'integer', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema
    .createIndex('sessions_company')
    .on('sessions')
    .columns(['company_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('company_id', 'integer', (col) => col.notNull())
    .addColumn('key_hash', 'text', (col) => col.notNull().unique())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('last_used_at', 'text')
    .execute();
  await db.schema.createIndex('api_keys_company').on('api_keys').column('company_id').execute();

  await db.schema
    .createTable('oauth_states')
    .addColumn('state_hash', 'text', (col) => col.primaryKey())
    .addColumn('browser_hash', 'text', (col) => col.notNull())
    .addColumn('purpose', 'text', (col) => col.notNull())
    .addColumn('company_id', 'integer')
    .addColumn('return_to', 'text')
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('oauth_states').execute();
  await db.schema.dropTable('api_keys').execute();
  await db.schema.dropTable('sessions').execute();
}
