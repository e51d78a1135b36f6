import type { Kysely } from 'kysely';

/**
 * The queue job that owns a run: set when a job moves the run to `running`. A job that finds its
 * run running under another job's id is a duplicate and leaves it alone; under its own id, it is
 * that job's retry. The delivery number could not tell them apart: adding a job under a key that a
 * waiting job holds resets that job's attempts (graphile's job_key 'replace' mode, and the embedded
 * queue alike), so a retry could come as a first delivery and leave its run `running` for good.
 */
// Kysely's migration docs type `db` as Kysely<any>: a migration must not depend on today's schema.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('runs').addColumn('job_id', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('runs').dropColumn('job_id').execute();
}
