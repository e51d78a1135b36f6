import type { JobQueue } from '../queue/port.js';
import { listOverdueDealNotes } from '../store/repos/deal-notes.js';
import type { DealNoteDispatcher } from '../sync/ports.js';
import type { AppContext } from './context.js';

/**
 * The notes outbox wired to the queue: a note is handed over as a `deal-note` job keyed by the note
 * (a second hand-over replaces a waiting job rather than adding one), and the sweep hands over again
 * every note still owed whose delivery seems lost — its enqueue died with the process after the
 * commit, or its job ran out of retries during a long Pipedrive outage. Delivery is idempotent
 * (sync/usecases/deliver-deal-note.ts), so handing a note over twice costs nothing but a job.
 */

/** How often a working process sweeps. */
export const NOTE_SWEEP_INTERVAL_MS = 60_000;
/** How long a note may be overdue before a periodic sweep hands it over again. */
export const NOTE_SWEEP_GRACE_MS = 5 * 60_000;

export function queueDealNotes(queue: JobQueue): DealNoteDispatcher {
  return {
    dispatch: (companyId, noteId) =>
      queue.enqueue('deal-note', { companyId, noteId }, { jobKey: `deal-note:${noteId}` }),
  };
}

export type NoteSweepDeps = Pick<AppContext, 'db' | 'clock' | 'logger' | 'queue'>;

/**
 * Hands over every note owed, due `graceMs` ago or earlier and not being delivered now; returns how
 * many. A worker sweeps with no grace when it starts (no delivery of its own is under way yet).
 */
export async function sweepDealNotes(deps: NoteSweepDeps, graceMs: number): Promise<number> {
  const dispatcher = queueDealNotes(deps.queue);
  const now = deps.clock.now();
  const dueBefore = new Date(now.getTime() - graceMs);
  let after: { nextAttemptAt: Date; id: string } | undefined;
  let handed = 0;
  for (;;) {
    const batch = await listOverdueDealNotes(deps.db, { dueBefore, now, limit: 100, after });
    for (const note of batch) await dispatcher.dispatch(note.companyId, note.id);
    handed += batch.length;
    const last = batch.at(-1);
    if (last === undefined || batch.length < 100) return handed;
    after = last;
  }
}

/**
 * A worker's sweeps: one now with no grace (no delivery of this process is under way yet), then
 * every NOTE_SWEEP_INTERVAL_MS until `stop`. A failed sweep is logged; the next one tries again.
 */
export async function startNoteSweeps(deps: NoteSweepDeps): Promise<{ stop(): void }> {
  const handed = await sweepDealNotes(deps, 0);
  if (handed > 0) deps.logger.info({ handed }, 'deal notes: handed over notes still owed');
  const timer = setInterval(() => {
    sweepDealNotes(deps, NOTE_SWEEP_GRACE_MS).catch((error: unknown) =>
      deps.logger.warn({ err: error }, 'deal notes: sweep failed'),
    );
  }, NOTE_SWEEP_INTERVAL_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
