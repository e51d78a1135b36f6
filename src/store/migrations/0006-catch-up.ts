import { type Kysely, sql } from 'kysely';

/**
 * Catching up on what Pipedrive never delivered (services/catch-up.ts):
 * - `catch_up_state`, one row per company: how far the reconciliation has looked, a lease so one
 *   check runs at a time, the webhook's health and the last check's result;
 * - `trigger_firings`, one row per (company, deal, trigger): when the trigger last fired (Pipedrive's
 *   time) and the run that handles it, the lock that makes a webhook and a catch-up reporting the
 *   same firing start one run (sync/usecases/start-trigger-run.ts).
 * Existing companies start looking from now (a check must not fire for deals that entered a stage
 * long ago, perhaps before a trigger was configured), and every document run already made claims
 * its trigger's firing, at the run's creation (never earlier than the firing itself).
 */
// Kysely's migration docs type `db` as Kysely<any>: a migration must not depend on today's schema.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('catch_up_state')
    .addColumn('company_id', 'integer', (col) => col.primaryKey())
    .addColumn('checked_until', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('webhook_status', 'text')
    .addColumn('webhook_reason', 'text')
    .addColumn('webhook_id', 'integer')
    .addColumn('webhook_checked_at', 'text')
    .addColumn('webhook_last_delivery_at', 'text')
    .addColumn('webhook_last_http_status', 'integer')
    .addColumn('webhook_recreated_at', 'text')
    .addColumn('last_run_at', 'text')
    .addColumn('last_status', 'text')
    .addColumn('last_error', 'text')
    .addColumn('deals_examined', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('runs_started', 'integer', (col) => col.notNull().defaultTo(0))
    .addForeignKeyConstraint(
      'catch_up_state_company_fk',
      ['company_id'],
      'companies',
      ['id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('trigger_firings')
    .addColumn('company_id', 'integer', (col) => col.notNull())
    .addColumn('deal_id', 'integer', (col) => col.notNull())
    .addColumn('trigger_key', 'text', (col) => col.notNull())
    .addColumn('fired_at', 'text', (col) => col.notNull())
    .addColumn('run_id', 'text', (col) => col.notNull())
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addForeignKeyConstraint(
      'trigger_firings_company_fk',
      ['company_id'],
      'companies',
      ['id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('trigger_firings_pk', ['company_id', 'deal_id', 'trigger_key'])
    .execute();

  const now = new Date().toISOString();
  await db
    .insertInto('catch_up_state')
    .columns(['company_id', 'checked_until'])
    .expression(db.selectFrom('companies').select(['id', sql.lit(now).as('checked_until')]))
    .execute();
  // The latest document run of each trigger (ties broken by id) claims the trigger's firing.
  await sql`
    insert into trigger_firings (company_id, deal_id, trigger_key, fired_at, run_id, source, updated_at)
    select r.company_id, r.deal_id, r.trigger_key, r.created_at, r.id, 'webhook', r.created_at
    from runs r
    where r.deal_id is not null and r.trigger_key is not null and r.kind in ('invoice', 'quote')
      and not exists (
        select 1 from runs later
        where later.company_id = r.company_id and later.deal_id = r.deal_id
          and later.trigger_key = r.trigger_key
          and (later.created_at > r.created_at or (later.created_at = r.created_at and later.id > r.id))
      )`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('trigger_firings').execute();
  await db.schema.dropTable('catch_up_state').execute();
}
