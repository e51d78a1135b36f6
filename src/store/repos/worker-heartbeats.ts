import { sql } from 'kysely';

import type { Db } from '../db.js';

/**
 * Signs of life of graphile-worker pools, and which pools holding jobs have died
 * (queue/graphile-takeover.ts). PostgreSQL only, like graphile-worker. Ages are measured on the
 * database's clock — the clock graphile stamps a job's `locked_at` with — so workers on hosts whose
 * clocks drift apart still agree on them.
 */

/** now() as ISO-8601 UTC text, the store's format for times (tables.ts). */
const DB_NOW = sql<string>`to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const olderThan = (leaseMs: number) =>
  sql<boolean>`last_seen::timestamptz < now() - ${leaseMs} * interval '1 millisecond'`;

export async function beatWorker(db: Db, workerId: string): Promise<void> {
  await db
    .insertInto('worker_heartbeats')
    .values({ worker_id: workerId, last_seen: DB_NOW })
    .onConflict((conflict) =>
      conflict.column('worker_id').doUpdateSet({ last_seen: (eb) => eb.ref('excluded.last_seen') }),
    )
    .execute();
}

export async function removeWorker(db: Db, workerId: string): Promise<void> {
  await db.deleteFrom('worker_heartbeats').where('worker_id', '=', workerId).execute();
}

/** Forgets the workers not seen for `leaseMs` (their jobs are freed first). */
export async function removeStaleWorkers(db: Db, leaseMs: number): Promise<void> {
  await db.deleteFrom('worker_heartbeats').where(olderThan(leaseMs)).execute();
}

export interface LockHolder {
  workerId: string;
  /** When it counts as dead, in ms from now; zero or less: dead now. */
  deadInMs: number;
}

/**
 * The pools holding jobs in graphile-worker's `jobs` view (in `schema`), each with when it counts
 * as dead: `leaseMs` after the later of its last heartbeat and the newest lock it took. A pool with
 * no heartbeat at all (killed before its first one) is judged by its locks alone; the newest lock
 * counts so that a pool is never judged before it could have written its first heartbeat.
 */
export async function lockHolders(db: Db, schema: string, leaseMs: number): Promise<LockHolder[]> {
  const { rows } = await sql<{ worker_id: string; dead_in_ms: number }>`
    select holders.worker_id,
           (extract(epoch from greatest(holders.locked_at, heartbeats.last_seen::timestamptz) - now())
             * 1000 + ${leaseMs})::float8 as dead_in_ms
      from (select locked_by as worker_id, max(locked_at) as locked_at
              from ${sql.id(schema, 'jobs')}
             where locked_by is not null
             group by locked_by) as holders
      left join worker_heartbeats as heartbeats on heartbeats.worker_id = holders.worker_id`.execute(
    db,
  );
  return rows.map((row) => ({ workerId: row.worker_id, deadInMs: row.dead_in_ms }));
}
