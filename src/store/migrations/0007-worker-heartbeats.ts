import type { Kysely } from 'kysely';

/**
 * One row per graphile-worker pool (a `worker` process's job runner) saying when it last showed it
 * is alive, so that other workers can free the jobs of a pool that died (queue/graphile-takeover.ts).
 * Used in scale-out mode (PostgreSQL) only; the table exists on SQLite too, empty, so that both
 * dialects keep one schema. Not scoped by company: it describes processes, not tenants.
 */
// Kysely's migration docs type `db` as Kysely<any>: a migration must not depend on today's schema.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('worker_heartbeats')
    .addColumn('worker_id', 'text', (col) => col.primaryKey())
    .addColumn('last_seen', 'text', (col) => col.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('worker_heartbeats').execute();
}
