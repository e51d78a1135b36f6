import { AppError } from '../../errors.js';
import { createRun, getRun, type Run } from '../../store/repos/runs.js';
import { isDocumentKind } from '../document-kinds.js';
import type { SyncDeps } from '../ports.js';

/**
 * "Replay" on a failed run: a new run of the same deal and trigger, pointing back at the old one
 * (`replay_of`). The shell enqueues it. Being a new run it gets a new Idempotency-Key, so Xero does
 * not answer it with the cached error of the old attempt (docs/vendors/xero.md §3), and it may take over the
 * old run's open document claim (create-document.ts). Only runs that ended without a document can
 * be replayed; a succeeded run already has its document.
 */
const REPLAYABLE = new Set(['failed', 'waiting_fix']);

/** What the history page offers Replay on: a deal's document run that ended without a document. */
export function isReplayable(run: Run): boolean {
  return REPLAYABLE.has(run.status) && isDealDocumentRun(run);
}

/** Contacts and items are re-synced with Update, not replayed: only deal documents have a trigger. */
function isDealDocumentRun(run: Run): boolean {
  return run.dealId !== null && run.triggerKey !== null && isDocumentKind(run.kind);
}

export async function createReplayRun(
  deps: Pick<SyncDeps, 'db' | 'clock'> & { company: Pick<SyncDeps['company'], 'id'> },
  runId: string,
): Promise<string> {
  const run = await getRun(deps.db, deps.company.id, runId);
  if (!run)
    throw new AppError(
      'run_not_found',
      `Run ${runId} does not exist for company ${deps.company.id}`,
    );
  if (!REPLAYABLE.has(run.status)) {
    throw new AppError(
      'run_not_replayable',
      `Run ${runId} is ${run.status}; only failed runs and runs waiting for a fix can be replayed`,
    );
  }
  if (!isDealDocumentRun(run)) {
    throw new AppError('run_not_replayable', `Run ${runId} is not a deal document run`);
  }
  const replay = await createRun(
    deps.db,
    {
      companyId: run.companyId,
      kind: run.kind,
      ...(run.dealId !== null && { dealId: run.dealId }),
      ...(run.triggerKey !== null && { triggerKey: run.triggerKey }),
      replayOf: run.id,
    },
    deps.clock.now(),
  );
  return replay.id;
}
