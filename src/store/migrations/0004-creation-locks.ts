import type { Kysely } from 'kysely';

/**
 * Creation locks: one row while a job creates a Xero contact or item, so two jobs (in any process)
 * that need the same new record create it once (store/repos/creation-locks.ts). A row names its
 * holder and when its claim lapses, so a crashed holder never blocks the record for longer.
 */
// Kysely's migration docs type `db` as Kysely<any>: a migration must not depend on today's schema.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('creation_locks')
    .addColumn('company_id', 'integer', (col) => col.notNull())
    .addColumn('tenant_id', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('owner', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .addForeignKeyConstraint(
      'creation_locks_company_fk',
      ['company_id'],
      'companies',
      ['id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('creation_locks_pk', ['company_id', 'tenant_id', 'name'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('creation_locks').execute();
}
