import { randomUUID } from 'node:crypto';

import { type ExpressionBuilder, type RawBuilder, sql } from 'kysely';

import { type Db, dialectOf, toDbTime, withTransaction } from '../db.js';
import type { Database, JobRow, JobUpdate } from '../tables.js';

/**
 * Statements of the embedded queue (queue/embedded.ts), one function each (graphile src/sql/).
 * A job row is `pending` (waiting for run_at), `running` (leased to a worker until locked_until)
 * or `failed` (for good); a succeeded job is deleted. A running job whose lease expired belongs to
 * a dead worker and is taken again (invariant 2).
 */
export interface NewJob {
  name: string;
  payload: unknown;
  jobKey: string | null;
  runAt: Date;
  maxAttempts: number;
}

/**
 * Adds a job. With a key, like graphile's job_key 'replace' mode: a pending or failed job with the
 * key is replaced (payload, run_at, attempts reset); a running one keeps running but gives up the
 * key, and the new job is added beside it.
 */
export async function addJob(db: Db, job: NewJob, at: Date): Promise<string> {
  return withTransaction(db, async (trx) => {
    const values = {
      name: job.name,
      payload: JSON.stringify(job.payload),
      status: 'pending' as const,
      attempts: 0,
      max_attempts: job.maxAttempts,
      run_at: toDbTime(job.runAt),
      locked_by: null,
      locked_until: null,
      last_error: null,
      updated_at: toDbTime(at),
    };
    if (job.jobKey !== null) {
      // Writes first, no read before them: on SQLite the transaction takes the write lock at its
      // first statement (waiting busy_timeout for another process) instead of failing on upgrade.
      const replaced = await trx
        .updateTable('jobs')
        .set(values)
        .where('job_key', '=', job.jobKey)
        .where('status', '!=', 'running')
        .returning('id')
        .executeTakeFirst();
      if (replaced !== undefined) return replaced.id;
      await trx
        .updateTable('jobs')
        .set({ job_key: null })
        .where('job_key', '=', job.jobKey)
        .execute();
    }
    const id = randomUUID();
    await trx
      .insertInto('jobs')
      .values({ id, job_key: job.jobKey, created_at: toDbTime(at), ...values })
      .execute();
    return id;
  });
}

/**
 * Leases the next ready job to `workerId` and counts the attempt. One UPDATE…RETURNING, so two
 * workers never take the same job: SQLite runs writes one at a time, and on PostgreSQL the repeated
 * status test makes the loser of a row-lock race update nothing.
 */
export async function claimJob(
  db: Db,
  workerId: string,
  now: Date,
  leaseMs: number,
  options: { exceptCompanies?: readonly number[] } = {},
): Promise<JobRow | undefined> {
  const nowText = toDbTime(now);
  const next = db
    .selectFrom('jobs')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([
          eb('status', '=', 'pending'),
          eb('run_at', '<=', nowText),
          eb('attempts', '<', eb.ref('max_attempts')),
        ]),
        eb.and([eb('status', '=', 'running'), eb('locked_until', '<=', nowText)]),
      ]),
    )
    .where((eb) => notOfCompanies(db, eb, options.exceptCompanies ?? []))
    .orderBy('run_at')
    .orderBy('created_at')
    .limit(1);
  return db
    .updateTable('jobs')
    .set((eb) => ({
      status: 'running',
      attempts: eb('attempts', '+', 1),
      locked_by: workerId,
      locked_until: toDbTime(new Date(now.getTime() + leaseMs)),
      updated_at: nowText,
    }))
    .where('id', '=', next)
    .where((eb) =>
      eb.or([
        eb('status', '=', 'pending'),
        eb.and([eb('status', '=', 'running'), eb('locked_until', '<=', nowText)]),
      ]),
    )
    .returningAll()
    .executeTakeFirst();
}

/** Keeps a long job's lease alive; false if the lease was lost to another worker. */
export async function extendJobLease(
  db: Db,
  jobId: string,
  workerId: string,
  until: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ locked_until: toDbTime(until) })
    .where('id', '=', jobId)
    .where('locked_by', '=', workerId)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function completeJob(db: Db, jobId: string, workerId: string): Promise<void> {
  await db.deleteFrom('jobs').where('id', '=', jobId).where('locked_by', '=', workerId).execute();
}

/** Puts the job back to wait until `runAt` (a retry). */
export async function rescheduleJob(
  db: Db,
  jobId: string,
  workerId: string,
  runAt: Date,
  error: string,
  at: Date,
): Promise<void> {
  await release(db, jobId, workerId, { status: 'pending', run_at: toDbTime(runAt) }, error, at);
}

/**
 * Puts the job back to wait until `runAt` without counting the attempt claimJob counted (a
 * deferral, queue/port.ts JobDeferred): the handler did nothing, so the attempt does not count
 * against max_attempts. last_error stays that of the last real failure.
 */
export async function deferJob(
  db: Db,
  jobId: string,
  workerId: string,
  runAt: Date,
  at: Date,
): Promise<void> {
  await db
    .updateTable('jobs')
    .set((eb) => ({
      status: 'pending',
      attempts: eb('attempts', '-', 1),
      run_at: toDbTime(runAt),
      locked_by: null,
      locked_until: null,
      updated_at: toDbTime(at),
    }))
    .where('id', '=', jobId)
    .where('locked_by', '=', workerId)
    .execute();
}

export async function failJob(
  db: Db,
  jobId: string,
  workerId: string,
  error: string,
  at: Date,
): Promise<void> {
  await release(db, jobId, workerId, { status: 'failed' }, error, at);
}

/** The holder gives the job's lease up, saying why, and leaves it as `changes` say. */
async function release(
  db: Db,
  jobId: string,
  workerId: string,
  changes: Pick<JobUpdate, 'status' | 'run_at'>,
  error: string,
  at: Date,
): Promise<void> {
  await db
    .updateTable('jobs')
    .set({
      ...changes,
      locked_by: null,
      locked_until: null,
      last_error: error,
      updated_at: toDbTime(at),
    })
    .where('id', '=', jobId)
    .where('locked_by', '=', workerId)
    .execute();
}

/** When the next job becomes ready (pending run_at or a lease running out), if any. */
export async function nextJobDueAt(db: Db): Promise<Date | undefined> {
  const row = await db
    .selectFrom('jobs')
    .select((eb) => eb.fn.min(eb.fn.coalesce('locked_until', 'run_at')).as('due'))
    .where('status', '!=', 'failed')
    .executeTakeFirst();
  return row?.due == null ? undefined : new Date(row.due);
}

/**
 * Jobs of none of these companies (by their payload's `companyId`; a job of no company is kept): the
 * embedded queue first looks past companies that have their share of its slots (queue/embedded.ts).
 */
function notOfCompanies(
  db: Db,
  eb: ExpressionBuilder<Database, 'jobs'>,
  companies: readonly number[],
) {
  if (companies.length === 0) return eb.lit(true);
  const company: RawBuilder<number | null> =
    dialectOf(db) === 'postgres'
      ? sql`(payload::jsonb ->> 'companyId')::integer`
      : sql`json_extract(payload, '$.companyId')`;
  return eb.or([eb(company, 'is', null), eb(company, 'not in', [...companies])]);
}

/**
 * What the queue will still do with a job (queue/port.ts `jobState`): a live lease is `running`; a
 * pending job with attempts left, or a running one whose lease ran out (claimJob takes it again),
 * is `waiting`; a failed, finished (deleted) or spent job is `ended`.
 */
export async function jobStateOf(
  db: Db,
  jobId: string,
  now: Date,
): Promise<'running' | 'waiting' | 'ended'> {
  const row = await db
    .selectFrom('jobs')
    .select(['status', 'attempts', 'max_attempts', 'locked_until'])
    .where('id', '=', jobId)
    .executeTakeFirst();
  if (row === undefined || row.status === 'failed') return 'ended';
  if (row.status === 'running') {
    return row.locked_until !== null && row.locked_until > toDbTime(now) ? 'running' : 'waiting';
  }
  return row.attempts < row.max_attempts ? 'waiting' : 'ended';
}
