import { type Db, fromDbTime, toDbTime } from '../db.js';
import type { FiringSource } from '../tables.js';

/**
 * The last firing of each (company, deal, trigger) and the run that handles it. Claiming is one
 * INSERT … ON CONFLICT DO UPDATE … WHERE, so of two callers reporting the same firing at once (a
 * late webhook and a catch-up) exactly one wins, on SQLite (one writer at a time) and on PostgreSQL
 * (the conflicting insert waits for the first to commit, then re-checks the WHERE on its row).
 */
export interface FiringKey {
  companyId: number;
  dealId: number;
  triggerKey: string;
}

export interface Firing extends FiringKey {
  firedAt: Date;
  runId: string;
  source: FiringSource;
}

/**
 * Records `firing` as the trigger's latest, and returns true, unless the one recorded is the same
 * firing (less than `sameWithinMs` older) or a later one. The caller makes the firing's run in the
 * same transaction.
 */
export async function claimFiring(
  db: Db,
  firing: Firing,
  sameWithinMs: number,
  at: Date,
): Promise<boolean> {
  const values = {
    fired_at: toDbTime(firing.firedAt),
    run_id: firing.runId,
    source: firing.source,
    updated_at: toDbTime(at),
  };
  const newerThan = toDbTime(new Date(firing.firedAt.getTime() - sameWithinMs));
  const claimed = await db
    .insertInto('trigger_firings')
    .values({
      company_id: firing.companyId,
      deal_id: firing.dealId,
      trigger_key: firing.triggerKey,
      ...values,
    })
    .onConflict((oc) =>
      oc
        .columns(['company_id', 'deal_id', 'trigger_key'])
        .doUpdateSet(values)
        .where('trigger_firings.fired_at', '<', newerThan),
    )
    .returning('run_id')
    .executeTakeFirst();
  return claimed !== undefined;
}

export async function getFiring(db: Db, key: FiringKey): Promise<Firing | undefined> {
  const row = await db
    .selectFrom('trigger_firings')
    .selectAll()
    .where('company_id', '=', key.companyId)
    .where('deal_id', '=', key.dealId)
    .where('trigger_key', '=', key.triggerKey)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  return {
    companyId: row.company_id,
    dealId: row.deal_id,
    triggerKey: row.trigger_key,
    firedAt: fromDbTime(row.fired_at),
    runId: row.run_id,
    source: row.source,
  };
}

/** Points the firing at another run (a new firing joined a run of the trigger already waiting). */
export async function setFiringRun(db: Db, key: FiringKey, runId: string): Promise<void> {
  await db
    .updateTable('trigger_firings')
    .set({ run_id: runId })
    .where('company_id', '=', key.companyId)
    .where('deal_id', '=', key.dealId)
    .where('trigger_key', '=', key.triggerKey)
    .execute();
}
