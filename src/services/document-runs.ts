import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import type { JobQueue } from '../queue/port.js';
import type { Db } from '../store/db.js';
import { createRun, getRun, listRunsForDeal, type Run } from '../store/repos/runs.js';
import { type DocumentKind, isDocumentKind } from '../sync/document-kinds.js';
import { createReplayRun } from '../sync/usecases/replay.js';
import { enqueueDocumentRun } from '../sync/usecases/start-trigger-run.js';
import { getCompany } from '../store/repos/companies.js';

/**
 * Runs started by a person rather than a webhook: a replay of an earlier run, and a manual
 * `sync deal`. Both create a queued run and enqueue document-for-deal under the trigger's job key,
 * so they join — never duplicate — a job already waiting for the same trigger (invariant 1).
 */
export interface DocumentRunDeps {
  db: Db;
  clock: Clock;
  queue: JobQueue;
}

/** Replays a failed run (sync/usecases/replay.ts decides what may be replayed) and enqueues it. */
export async function replayRun(
  deps: DocumentRunDeps,
  companyId: number,
  runId: string,
): Promise<Run> {
  if ((await getCompany(deps.db, companyId)) === undefined) {
    throw new AppError('company_not_found', `Company ${companyId} has not installed the app`);
  }
  const replayId = await createReplayRun({ ...deps, company: { id: companyId } }, runId);
  const run = await getRun(deps.db, companyId, replayId);
  if (run === undefined) throw new AppError('run_not_found', `Run ${replayId} not found`);
  await enqueue(deps, run);
  return run;
}

/**
 * `sync deal`: the deal's earlier trigger of this kind if it has one (so its document is found, not
 * made again), else a manual trigger of its own.
 */
export async function syncDealNow(
  deps: DocumentRunDeps,
  input: { companyId: number; dealId: number; kind: DocumentKind },
): Promise<Run> {
  const earlier = (await listRunsForDeal(deps.db, input.companyId, input.dealId)).find(
    (run) => run.kind === input.kind && run.triggerKey !== null,
  );
  const run = await createRun(
    deps.db,
    {
      companyId: input.companyId,
      kind: input.kind,
      dealId: input.dealId,
      triggerKey: earlier?.triggerKey ?? `manual:${input.kind}`,
    },
    deps.clock.now(),
  );
  await enqueue(deps, run);
  return run;
}

async function enqueue(deps: DocumentRunDeps, run: Run): Promise<void> {
  const { dealId, triggerKey } = run;
  if (dealId === null || triggerKey === null || !isDocumentKind(run.kind)) {
    throw new AppError('run_not_replayable', `Run ${run.id} is not a deal document run`);
  }
  await enqueueDocumentRun(deps.queue, {
    companyId: run.companyId,
    dealId,
    triggerKey,
    runId: run.id,
  });
}
