import type { Kysely } from 'kysely';

/**
 * Bulk sync progress (one row per company, Xero organisation and kind of record), so an interrupted
 * bulk sync resumes where it stopped. Portable types only (tables.ts): ISO text times, JSON text.
 */
// Kysely's migration docs type `db` as Kysely<any>: a migration must not depend on today's schema.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('bulk_syncs')
    .addColumn('company_id', 'integer', (col) => col.notNull())
    .addColumn('tenant_id', 'text', (col) => col.notNull())
    .addColumn('what', 'text', (col) => col.notNull())
    .addColumn('run_id', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('cursor', 'text')
    .addColumn('done', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('failed', 'text', (col) => col.notNull().defaultTo('[]'))
    .addColumn('started_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addForeignKeyConstraint('bulk_syncs_company_fk', ['company_id'], 'companies', ['id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('bulk_syncs_pk', ['company_id', 'tenant_id', 'what'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('bulk_syncs').execute();
}
