import { type Db, fromDbTime, fromDbTimeOrNull, toDbTime } from '../db.js';
import type { DealNoteRow, DealNoteStatus } from '../tables.js';

/**
 * The notes outbox (deal_notes), one statement per function. A note is added in the transaction
 * that records what it tells; a delivery leases it (`claimDealNote`), marks it `sending` before
 * Pipedrive is called, and ends it sent, dropped or failed, or gives it back for a later attempt.
 */
export interface DealNote {
  id: string;
  companyId: number;
  dealId: number;
  topic: string;
  runId: string | null;
  content: string;
  status: DealNoteStatus;
  attempts: number;
  nextAttemptAt: Date;
  lockedBy: string | null;
  lockedUntil: Date | null;
  pipedriveNoteId: number | null;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewDealNote {
  id: string;
  companyId: number;
  dealId: number;
  topic: string;
  runId?: string;
  content: string;
}

/** How a delivery ended for good. */
export type DealNoteEnd =
  { status: 'sent'; pipedriveNoteId: number } | { status: 'dropped' | 'failed'; reason: string };

const OWED: DealNoteStatus[] = ['pending', 'sending'];

function rowToDealNote(row: DealNoteRow): DealNote {
  return {
    id: row.id,
    companyId: row.company_id,
    dealId: row.deal_id,
    topic: row.topic,
    runId: row.run_id,
    content: row.content,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: fromDbTime(row.next_attempt_at),
    lockedBy: row.locked_by,
    lockedUntil: fromDbTimeOrNull(row.locked_until),
    pipedriveNoteId: row.pipedrive_note_id,
    lastError: row.last_error,
    createdAt: fromDbTime(row.created_at),
    updatedAt: fromDbTime(row.updated_at),
  };
}

/** Adds the note unless its topic already has one (then false: that note stands). */
export async function addDealNote(db: Db, note: NewDealNote, at: Date): Promise<boolean> {
  const inserted = await db
    .insertInto('deal_notes')
    .values({
      id: note.id,
      company_id: note.companyId,
      deal_id: note.dealId,
      topic: note.topic,
      run_id: note.runId ?? null,
      content: note.content,
      status: 'pending',
      attempts: 0,
      next_attempt_at: toDbTime(at),
      created_at: toDbTime(at),
      updated_at: toDbTime(at),
    })
    .onConflict((oc) => oc.columns(['company_id', 'topic']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function getDealNote(
  db: Db,
  companyId: number,
  id: string,
): Promise<DealNote | undefined> {
  const row = await db
    .selectFrom('deal_notes')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row === undefined ? undefined : rowToDealNote(row);
}

/**
 * Leases a note still owed to `holder` until now + leaseMs and counts the attempt. A note leased to
 * another holder whose lease has not run out is not taken (undefined), so two jobs for one note
 * never call Pipedrive at once; the same holder (a job retaken after its worker died) takes it back.
 */
export async function claimDealNote(
  db: Db,
  companyId: number,
  id: string,
  holder: string,
  now: Date,
  leaseMs: number,
): Promise<DealNote | undefined> {
  const nowText = toDbTime(now);
  const row = await db
    .updateTable('deal_notes')
    .set((eb) => ({
      locked_by: holder,
      locked_until: toDbTime(new Date(now.getTime() + leaseMs)),
      attempts: eb('attempts', '+', 1),
      updated_at: nowText,
    }))
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .where('status', 'in', OWED)
    .where((eb) =>
      eb.or([
        eb('locked_until', 'is', null),
        eb('locked_until', '<', nowText),
        eb('locked_by', '=', holder),
      ]),
    )
    .returningAll()
    .executeTakeFirst();
  return row === undefined ? undefined : rowToDealNote(row);
}

/** From here on the note may exist in Pipedrive: a later attempt looks for it before writing. */
export async function markDealNoteSending(
  db: Db,
  companyId: number,
  id: string,
  holder: string,
  at: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('deal_notes')
    .set({ status: 'sending', updated_at: toDbTime(at) })
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .where('locked_by', '=', holder)
    .where('status', 'in', OWED)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function endDealNote(
  db: Db,
  companyId: number,
  id: string,
  end: DealNoteEnd,
  at: Date,
): Promise<void> {
  await db
    .updateTable('deal_notes')
    .set({
      status: end.status,
      locked_by: null,
      locked_until: null,
      updated_at: toDbTime(at),
      ...(end.status === 'sent'
        ? { pipedrive_note_id: end.pipedriveNoteId, last_error: null }
        : { last_error: end.reason }),
    })
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .where('status', 'in', OWED)
    .execute();
}

/** Gives the lease back after a failed attempt; the next one is due at `nextAttemptAt`. */
export async function postponeDealNote(
  db: Db,
  companyId: number,
  id: string,
  holder: string,
  retry: { nextAttemptAt: Date; error: string },
  at: Date,
): Promise<void> {
  await db
    .updateTable('deal_notes')
    .set({
      locked_by: null,
      locked_until: null,
      next_attempt_at: toDbTime(retry.nextAttemptAt),
      last_error: retry.error,
      updated_at: toDbTime(at),
    })
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .where('locked_by', '=', holder)
    .where('status', 'in', OWED)
    .execute();
}

/**
 * Notes of every company still owed, due at or before `dueBefore` and not leased at `now` (the
 * sweep), in due order; pass the last one back as `after` for the next page.
 */
export async function listOverdueDealNotes(
  db: Db,
  options: {
    dueBefore: Date;
    now: Date;
    limit: number;
    after?: { nextAttemptAt: Date; id: string } | undefined;
  },
): Promise<{ id: string; companyId: number; nextAttemptAt: Date }[]> {
  const nowText = toDbTime(options.now);
  let query = db
    .selectFrom('deal_notes')
    .select(['id', 'company_id', 'next_attempt_at'])
    .where('status', 'in', OWED)
    .where('next_attempt_at', '<=', toDbTime(options.dueBefore))
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', nowText)]));
  const after = options.after;
  if (after !== undefined) {
    const at = toDbTime(after.nextAttemptAt);
    query = query.where((eb) =>
      eb.or([
        eb('next_attempt_at', '>', at),
        eb.and([eb('next_attempt_at', '=', at), eb('id', '>', after.id)]),
      ]),
    );
  }
  const rows = await query.orderBy('next_attempt_at').orderBy('id').limit(options.limit).execute();
  return rows.map((row) => ({
    id: row.id,
    companyId: row.company_id,
    nextAttemptAt: fromDbTime(row.next_attempt_at),
  }));
}

/** A run's note as its history shows it: `pending` until Pipedrive has it (or it ended). */
export type RunNoteState = 'pending' | 'sent' | 'dropped' | 'failed';

/** Each run's note state (runs without a note are absent), for the runs list and history. */
export async function runNoteStates(
  db: Db,
  companyId: number,
  runIds: readonly string[],
): Promise<Map<string, RunNoteState>> {
  if (runIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('deal_notes')
    .select(['run_id', 'status'])
    .where('company_id', '=', companyId)
    .where('run_id', 'in', runIds)
    .execute();
  return new Map(
    rows.flatMap((row) =>
      row.run_id === null ? [] : [[row.run_id, row.status === 'sending' ? 'pending' : row.status]],
    ),
  );
}
