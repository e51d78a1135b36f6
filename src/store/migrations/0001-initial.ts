import type { CreateTableBuilder, Kysely } from 'kysely';

/**
 * The first schema. Only portable types (integer, text) and constraints both SQLite and PostgreSQL
 * understand, so this one migration runs unchanged on either (see tables.ts for the conventions).
 * Foreign keys cascade from companies: uninstalling a company removes all of its rows.
 */
// Kysely's migration docs type `db` as Kysely<any>: a migration must not depend on today's schema.
type AnyDb = Kysely<any>;

function ownedByCompany<T extends string>(
  table: CreateTableBuilder<T, never>,
  name: string,
): CreateTableBuilder<T, 'company_id'> {
  return table
    .addColumn('company_id', 'integer', (col) => col.notNull())
    .addForeignKeyConstraint(`${name}_company_fk`, ['company_id'], 'companies', ['id'], (fk) =>
      fk.onDelete('cascade'),
    );
}

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('companies')
    .addColumn('id', 'integer', (col) => col.primaryKey())
    .addColumn('domain', 'text', (col) => col.notNull())
    .addColumn('api_domain', 'text', (col) => col.notNull())
    .addColumn('installed_at', 'text', (col) => col.notNull())
    .addColumn('settings', 'text', (col) => col.notNull().defaultTo('{}'))
    .addColumn('webhook_user', 'text')
    .addColumn('webhook_password_enc', 'text')
    .execute();

  await ownedByCompany(db.schema.createTable('pipedrive_connections'), 'pipedrive_connections')
    .addColumn('user_id', 'integer', (col) => col.notNull())
    .addColumn('access_token_enc', 'text', (col) => col.notNull())
    .addColumn('refresh_token_enc', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('pipedrive_connections_pk', ['company_id', 'user_id'])
    .execute();

  await ownedByCompany(db.schema.createTable('xero_connections'), 'xero_connections')
    .addColumn('tenant_id', 'text', (col) => col.notNull())
    .addColumn('tenant_name', 'text', (col) => col.notNull())
    .addColumn('short_code', 'text')
    .addColumn('connection_id', 'text', (col) => col.notNull())
    .addColumn('auth_event_id', 'text')
    .addColumn('access_token_enc', 'text', (col) => col.notNull())
    .addColumn('refresh_token_enc', 'text', (col) => col.notNull())
    .addColumn('access_expires_at', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('token_version', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    // One organisation per company; the primary key says "exactly one".
    .addPrimaryKeyConstraint('xero_connections_pk', ['company_id'])
    .execute();
  // Xero webhooks name the tenant; this finds the company they belong to.
  await db.schema
    .createIndex('xero_connections_tenant_idx')
    .on('xero_connections')
    .column('tenant_id')
    .execute();

  await ownedByCompany(db.schema.createTable('inbox_events'), 'inbox_events')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('event_key', 'text', (col) => col.notNull())
    .addColumn('payload', 'text', (col) => col.notNull())
    .addColumn('received_at', 'text', (col) => col.notNull())
    .addColumn('processed_at', 'text')
    .addColumn('outcome', 'text')
    .addUniqueConstraint('inbox_events_dedupe', ['company_id', 'source', 'event_key'])
    .execute();

  await ownedByCompany(db.schema.createTable('runs'), 'runs')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('deal_id', 'integer')
    .addColumn('trigger_key', 'text')
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('attempt', 'integer', (col) => col.notNull())
    .addColumn('reason_code', 'text')
    .addColumn('message', 'text')
    .addColumn('request_summary', 'text')
    .addColumn('response_summary', 'text')
    .addColumn('replay_of', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('runs_deal_idx')
    .on('runs')
    .columns(['company_id', 'deal_id', 'created_at'])
    .execute();

  await ownedByCompany(db.schema.createTable('documents'), 'documents')
    .addColumn('deal_id', 'integer', (col) => col.notNull())
    .addColumn('trigger_key', 'text', (col) => col.notNull())
    .addColumn('xero_id', 'text')
    .addColumn('number', 'text')
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('reference', 'text', (col) => col.notNull())
    .addColumn('currency', 'text', (col) => col.notNull())
    .addColumn('subtotal', 'text')
    .addColumn('total_tax', 'text')
    .addColumn('total', 'text')
    .addColumn('url', 'text')
    .addColumn('tenant_id', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    // Invariant 1: one document per (company, deal, trigger).
    .addPrimaryKeyConstraint('documents_pk', ['company_id', 'deal_id', 'trigger_key'])
    .execute();
  // Xero webhooks name the document by its Xero id.
  await db.schema
    .createIndex('documents_xero_idx')
    .on('documents')
    .columns(['company_id', 'xero_id'])
    .execute();

  await ownedByCompany(db.schema.createTable('contact_links'), 'contact_links')
    .addColumn('tenant_id', 'text', (col) => col.notNull())
    .addColumn('pipedrive_kind', 'text', (col) => col.notNull())
    .addColumn('pipedrive_id', 'integer', (col) => col.notNull())
    .addColumn('xero_contact_id', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('contact_links_pk', [
      'company_id',
      'tenant_id',
      'pipedrive_kind',
      'pipedrive_id',
    ])
    .execute();

  await ownedByCompany(db.schema.createTable('item_links'), 'item_links')
    .addColumn('tenant_id', 'text', (col) => col.notNull())
    .addColumn('product_id', 'integer', (col) => col.notNull())
    .addColumn('xero_item_code', 'text', (col) => col.notNull())
    .addColumn('xero_item_id', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('item_links_pk', ['company_id', 'tenant_id', 'product_id'])
    .execute();

  await ownedByCompany(db.schema.createTable('usage'), 'usage')
    .addColumn('month', 'text', (col) => col.notNull())
    .addColumn('documents_created', 'integer', (col) => col.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('usage_pk', ['company_id', 'month'])
    .execute();

  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('payload', 'text', (col) => col.notNull())
    // NULLs are distinct in unique constraints on both dialects, so keyless jobs never collide.
    .addColumn('job_key', 'text', (col) => col.unique())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (col) => col.notNull())
    .addColumn('run_at', 'text', (col) => col.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('jobs_ready_idx').on('jobs').columns(['status', 'run_at']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'jobs',
    'usage',
    'item_links',
    'contact_links',
    'documents',
    'runs',
    'inbox_events',
    'xero_connections',
    'pipedrive_connections',
    'companies',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
