import { AppError } from '../errors.js';
import {
  createRun,
  findRunCompany,
  getRun,
  listRunsForDeal,
  type Run,
} from '../store/repos/runs.js';
import { type DocumentKind, isDocumentKind } from '../sync/document-kinds.js';
import { createReplayRun } from '../sync/usecases/replay.js';
import { enqueueDocumentRun } from '../sync/usecases/start-trigger-run.js';
import { requireCompany } from './company.js';
import type { AppContext } from './context.js';

/**
 * Runs started by a person rather than a webhook: a replay of an earlier run, and a manual
 * `sync deal`. Both create a queued run and enqueue document-for-deal under the trigger's job key,
 * so they join — never duplicate — a job already waiting for the same trigger (invariant 1).
 */
export type DocumentRunDeps = Pick<AppContext, 'db' | 'clock' | 'queue'>;

/** Replays a failed run (sync/usecases/replay.ts decides what may be replayed) and enqueues it. */
export async function replayRun(
  deps: DocumentRunDeps,
  companyId: number,
  runId: string,
): Promise<Run> {
  await requireCompany(deps.db, companyId);
  const replayId = await createReplayRun({ ...deps, company: { id: companyId } }, runId);
  const run = await getRun(deps.db, companyId, replayId);
  if (run === undefined) throw new AppError('run_not_found', `Run ${replayId} not found`);
  await enqueue(deps, run);
  return run;
}

/** `replay <run>`: the run named alone; its company is read first. */
export async function replayRunById(deps: DocumentRunDeps, runId: string): Promise<Run> {
  const companyId = await findRunCompany(deps.db, runId);
  if (companyId === undefined) throw new AppError('run_not_found', `No run ${runId}`);
  return replayRun(deps, companyId, runId);
}

/**
 * `sync deal`: a queued run of the deal's trigger of this kind (dealTriggerKey), so its document is
 * found, not made again, when an earlier run made it.
 */
export async function syncDealNow(
  deps: DocumentRunDeps,
  input: { companyId: number; dealId: number; kind: DocumentKind },
): Promise<Run> {
  const run = await createRun(
    deps.db,
    {
      companyId: input.companyId,
      kind: input.kind,
      dealId: input.dealId,
      triggerKey: await dealTriggerKey(deps, input),
    },
    deps.clock.now(),
  );
  await enqueue(deps, run);
  return run;
}

/**
 * The trigger a person's run of this kind belongs to: the deal's earlier trigger of the kind if it
 * has one, else a manual trigger of its own. Its Reference is the one a real run would use.
 */
export async function dealTriggerKey(
  deps: Pick<AppContext, 'db'>,
  input: { companyId: number; dealId: number; kind: DocumentKind },
): Promise<string> {
  const earlier = (await listRunsForDeal(deps.db, input.companyId, input.dealId)).find(
    (run) => run.kind === input.kind && run.triggerKey !== null,
  );
  return earlier?.triggerKey ?? `manual:${input.kind}`;
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
