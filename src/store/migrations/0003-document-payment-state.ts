import type { Kysely } from 'kysely';

/**
 * What Xero's webhooks tell us about a document after it was created (docs/vendors/xero.md §14: fetch the invoice
 * after each event): the amount still due, the due date and the day it was paid in full, for the
 * panels; Xero's UpdatedDateUTC, so a stale read never overwrites a newer one (events arrive
 * duplicated and out of order); and when the "paid" note was written, so it is written once.
 * All nullable: rows made before this migration simply have not heard from Xero yet.
 */
// Kysely's migration docs type `db` as Kysely<any>: a migration must not depend on today's schema.
type AnyDb = Kysely<any>;

const COLUMNS = ['amount_due', 'due_date', 'fully_paid_on', 'xero_updated_at', 'paid_noted_at'];

export async function up(db: AnyDb): Promise<void> {
  // One column per statement: SQLite's ALTER TABLE adds one column at a time.
  for (const column of COLUMNS)
    await db.schema.alterTable('documents').addColumn(column, 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const column of [...COLUMNS].reverse())
    await db.schema.alterTable('documents').dropColumn(column).execute();
}
