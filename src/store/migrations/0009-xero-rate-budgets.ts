import type { Kysely } from 'kysely';

/**
 * Xero's limits shared by every process of the app (scale-out, PostgreSQL): one row per budget —
 * each organisation's and the app's — holding its windows as JSON (xero/rate-budget.ts), locked
 * while a call is admitted; and one row per call in flight, with a lease, so that a process killed
 * mid-call gives its slot back when the lease runs out. Empty on SQLite, where one process paces
 * its own calls.
 */
// Kysely's migration docs type `db` as Kysely<any>: a migration must not depend on today's schema.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('xero_rate_budgets')
    .addColumn('budget_key', 'text', (col) => col.primaryKey())
    .addColumn('state', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createTable('xero_rate_slots')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('budget_key', 'text', (col) => col.notNull())
    .addColumn('lease_until', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('xero_rate_slots_by_budget')
    .on('xero_rate_slots')
    .columns(['budget_key', 'lease_until'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('xero_rate_slots').execute();
  await db.schema.dropTable('xero_rate_budgets').execute();
}
