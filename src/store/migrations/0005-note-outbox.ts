import type { Kysely } from 'kysely';

/**
 * The notes outbox: each note the app owes a deal, stored in the transaction that records what the
 * note tells (a run's outcome, an invoice paid), then delivered to Pipedrive by the `deal-note` job
 * (sync/usecases/deliver-deal-note.ts). `topic` names what the note is about, one note per topic
 * and company; `id` is also the marker written into the note's link, so a delivery that may have
 * reached Pipedrive can find its note instead of writing it twice. Rows go with their company.
 */
// Kysely's migration docs type `db` as Kysely<any>: a migration must not depend on today's schema.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('deal_notes')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('company_id', 'integer', (col) => col.notNull())
    .addColumn('deal_id', 'integer', (col) => col.notNull())
    .addColumn('topic', 'text', (col) => col.notNull())
    .addColumn('run_id', 'text')
    .addColumn('content', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (col) => col.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('pipedrive_note_id', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addForeignKeyConstraint('deal_notes_company_fk', ['company_id'], 'companies', ['id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .addUniqueConstraint('deal_notes_topic', ['company_id', 'topic'])
    .execute();
  // The runs list shows each run's note.
  await db.schema
    .createIndex('deal_notes_run_idx')
    .on('deal_notes')
    .columns(['company_id', 'run_id'])
    .execute();
  // The sweep looks for notes still owed.
  await db.schema
    .createIndex('deal_notes_due_idx')
    .on('deal_notes')
    .columns(['status', 'next_attempt_at'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('deal_notes').execute();
}
