import type { Kysely } from 'kysely';

/**
 * Each Xero organisation's reference data and the items remembered for it, kept in the store so
 * every process of the installation shares them (issue 12: a restarted process, or one of N
 * workers, needs no GET /Organisation, /TaxRates, /Accounts, /Currencies or /Items for what another
 * has read). The in-process cache stays the first level (sync/org-reference-cache.ts); these rows
 * are the second (store/repos/org-reference.ts). Keyed by company and tenant: another organisation
 * connected later has rows of its own, and an uninstall removes them with the company.
 */
// Kysely's migration docs type `db` as Kysely<any>: a migration must not depend on today's schema.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('xero_org_references')
    .addColumn('company_id', 'integer', (col) => col.notNull())
    .addColumn('tenant_id', 'text', (col) => col.notNull())
    .addColumn('reference', 'text', (col) => col.notNull())
    .addColumn('fetched_at', 'text', (col) => col.notNull())
    .addForeignKeyConstraint(
      'xero_org_references_company_fk',
      ['company_id'],
      'companies',
      ['id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('xero_org_references_pk', ['company_id', 'tenant_id'])
    .execute();
  await db.schema
    .createTable('xero_org_items')
    .addColumn('company_id', 'integer', (col) => col.notNull())
    .addColumn('tenant_id', 'text', (col) => col.notNull())
    .addColumn('code', 'text', (col) => col.notNull())
    .addColumn('item', 'text', (col) => col.notNull())
    .addForeignKeyConstraint(
      'xero_org_items_company_fk',
      ['company_id'],
      'companies',
      ['id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('xero_org_items_pk', ['company_id', 'tenant_id', 'code'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('xero_org_items').execute();
  await db.schema.dropTable('xero_org_references').execute();
}
