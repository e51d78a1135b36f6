import { AppError } from '../errors.js';
import { type RunNoteState, runNoteStates } from '../store/repos/deal-notes.js';
import { getRun, listRuns, type Run, type RunFilter } from '../store/repos/runs.js';
import { RUN_KINDS, RUN_STATUSES } from '../store/tables.js';
import { isReplayable } from '../sync/usecases/replay.js';
import type { AppContext } from './context.js';
import { replayRun } from './document-runs.js';

// What the API and the history page filter and render by, named here: routes import services only.
export type { Run, RunFilter, RunNoteState };
export { isReplayable, RUN_KINDS, RUN_STATUSES };

/**
 * A company's runs as the API and the history page show them: each with where its deal note
 * stands (pending | sent | dropped | failed; null for runs that leave none), and replay of the
 * failed ones (document-runs.ts, as the deal note's link and the panel do).
 */
export interface RunWithNote extends Run {
  note: RunNoteState | null;
}

export async function listCompanyRuns(
  deps: Pick<AppContext, 'db'>,
  companyId: number,
  filter: RunFilter,
): Promise<RunWithNote[]> {
  return withNotes(deps, companyId, await listRuns(deps.db, companyId, filter));
}

/** One run of the company, or `run_not_found`. */
export async function companyRun(
  deps: Pick<AppContext, 'db'>,
  companyId: number,
  runId: string,
): Promise<RunWithNote> {
  const run = await getRun(deps.db, companyId, runId);
  if (run === undefined) throw new AppError('run_not_found', `Run ${runId} not found`);
  const [withNote] = await withNotes(deps, companyId, [run]);
  return withNote!;
}

/**
 * After a fix: the latest failed run of each deal trigger, replayed once (older ones would redo the
 * same); how many were queued. Looks at the latest `limit` failed runs.
 */
export async function replayFailedRuns(
  deps: Pick<AppContext, 'db' | 'clock' | 'queue'>,
  companyId: number,
  limit: number,
): Promise<number> {
  const failed = await listRuns(deps.db, companyId, {
    statuses: ['failed', 'waiting_fix'],
    limit,
  });
  const seen = new Set<string>();
  let queued = 0;
  for (const run of failed.filter(isReplayable)) {
    const key = `${run.dealId}:${run.triggerKey}`;
    if (seen.has(key)) continue;
    seen.add(key);
    await replayRun(deps, companyId, run.id);
    queued += 1;
  }
  return queued;
}

async function withNotes(
  deps: Pick<AppContext, 'db'>,
  companyId: number,
  runs: Run[],
): Promise<RunWithNote[]> {
  const notes = await runNoteStates(
    deps.db,
    companyId,
    runs.map((run) => run.id),
  );
  return runs.map((run) => ({ ...run, note: notes.get(run.id) ?? null }));
}
