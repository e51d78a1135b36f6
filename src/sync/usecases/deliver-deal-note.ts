import type { Clock } from '../../clock.js';
import { AppError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { PipedriveClient } from '../../pipedrive/client.js';
import type { Db } from '../../store/db.js';
import {
  claimDealNote,
  type DealNote,
  type DealNoteEnd,
  endDealNote,
  markDealNoteSending,
  postponeDealNote,
} from '../../store/repos/deal-notes.js';

/**
 * Delivers one note of the outbox to its deal, exactly once. Pipedrive's POST /v1/notes takes no
 * idempotency key (https://developers.pipedrive.com/docs/api/v1/Notes), so:
 *
 * States of a note: pending → sending → sent | dropped | failed.
 * - pending: never sent; the delivery leases it, marks it `sending` (committed), then POSTs it.
 * - sending: a POST may have reached Pipedrive (a crash, a cut connection, a 5xx after the write):
 *   the next delivery first lists the deal's notes and adopts the one whose link carries this note's
 *   marker (deal-note.ts), and POSTs only if none does.
 * - sent: Pipedrive's note id is stored. dropped: the deal is gone (404), never retried.
 *   failed: Pipedrive refused it in a way retrying cannot fix (e.g. the app lost its permission).
 * A transient failure (5xx, 429, network) gives the lease back and is thrown for the queue to retry;
 * a note left owed is handed over again by the sweep, however long Pipedrive stays away.
 */
export interface NoteDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  pipedrive: Pick<PipedriveClient, 'addNote' | 'listDealNotes'>;
}

export type NoteDelivery =
  | { status: 'sent'; pipedriveNoteId: number; adopted: boolean }
  | { status: 'dropped' | 'failed'; reason: string }
  /** Already delivered or ended, or another delivery holds its lease. */
  | { status: 'skipped' };

/** Longer than one delivery can take (a few Pipedrive calls of at most 30 s each). */
export const NOTE_LEASE_MS = 5 * 60_000;

export async function deliverDealNote(
  deps: NoteDeps,
  target: { companyId: number; noteId: string },
  /** Who delivers: the job's id, so the same job retaken after a crash takes its lease back. */
  holder: string,
): Promise<NoteDelivery> {
  const { companyId, noteId } = target;
  const note = await claimDealNote(deps.db, companyId, noteId, holder, now(deps), NOTE_LEASE_MS);
  if (note === undefined) return { status: 'skipped' };
  try {
    const found = note.status === 'sending' ? await findDelivered(deps, note) : undefined;
    if (found !== undefined) return await end(deps, note, found, true);
    if (!(await markDealNoteSending(deps.db, companyId, noteId, holder, now(deps))))
      return { status: 'skipped' };
    const created = await deps.pipedrive.addNote(note.dealId, note.content);
    return await end(deps, note, created.id, false);
  } catch (error) {
    return settleFailure(deps, note, holder, error);
  }
}

/** The deal's note carrying this note's marker, if an earlier attempt wrote it. */
async function findDelivered(deps: NoteDeps, note: DealNote): Promise<number | undefined> {
  let start: number | null = 0;
  while (start !== null) {
    const page = await deps.pipedrive.listDealNotes(note.dealId, start);
    const match = page.items.find((item) => item.content?.includes(note.id));
    if (match !== undefined) return match.id;
    start = page.nextStart;
  }
  return undefined;
}

async function end(
  deps: NoteDeps,
  note: DealNote,
  pipedriveNoteId: number,
  adopted: boolean,
): Promise<NoteDelivery> {
  await endDealNote(
    deps.db,
    note.companyId,
    note.id,
    { status: 'sent', pipedriveNoteId },
    now(deps),
  );
  return { status: 'sent', pipedriveNoteId, adopted };
}

async function settleFailure(
  deps: NoteDeps,
  note: DealNote,
  holder: string,
  error: unknown,
): Promise<NoteDelivery> {
  const ending = endingFor(note, error);
  if (ending !== undefined) {
    await endDealNote(deps.db, note.companyId, note.id, ending, now(deps));
    deps.logger.warn({ noteId: note.id, dealId: note.dealId, ...ending }, 'deal note not written');
    return ending;
  }
  const retryAfterMs = error instanceof AppError ? (error.retryAfterMs ?? 0) : 0;
  await postponeDealNote(
    deps.db,
    note.companyId,
    note.id,
    holder,
    { nextAttemptAt: new Date(now(deps).getTime() + retryAfterMs), error: describe(error) },
    now(deps),
  );
  throw error;
}

/** How a failure ends the note for good; undefined while retrying may still deliver it. */
function endingFor(
  note: DealNote,
  error: unknown,
): Exclude<DealNoteEnd, { status: 'sent' }> | undefined {
  if (!(error instanceof AppError) || error.retryable) return undefined;
  if (error.code === 'pipedrive_not_found')
    return { status: 'dropped', reason: `Deal ${note.dealId} no longer exists in Pipedrive` };
  return { status: 'failed', reason: describe(error) };
}

function describe(error: unknown): string {
  if (error instanceof AppError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

const now = (deps: NoteDeps): Date => deps.clock.now();
