import type { Kysely } from 'kysely';

/**
 * A company's runs by status, oldest first: a document run reads ahead the product lines of the
 * company's queued document runs (sync/deal-read-ahead.ts), once per batch, without scanning the
 * company's whole history.
 */
// Kysely's migration docs type `db` as Kysely<any>: a migration must not depend on today's schema.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('runs_status_idx')
    .on('runs')
    .columns(['company_id', 'status', 'created_at'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('runs_status_idx').execute();
}
