import type { Kysely } from 'kysely';

/**
 * A company's inbox events by when they arrived: the catch-up deletes those past their retention
 * (store/repos/inbox.ts pruneInboxEvents) without scanning the company's whole inbox.
 */
// Kysely's migration docs type `db` as Kysely<any>: a migration must not depend on today's schema.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('inbox_events_received_idx')
    .on('inbox_events')
    .columns(['company_id', 'received_at'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('inbox_events_received_idx').execute();
}
