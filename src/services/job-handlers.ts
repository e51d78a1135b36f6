import { AppError } from '../errors.js';
import type { ErrorCode } from '../errors/catalogue.js';
import { type JobContext, JobDeferred, type JobHandlers } from '../queue/port.js';
import { isNonRetryable } from '../queue/retry.js';
import { getCompany } from '../store/repos/companies.js';
import { getRun, updateRun } from '../store/repos/runs.js';
import { getXeroTenantId } from '../store/repos/xero-connections.js';
import { isDocumentKind } from '../sync/document-kinds.js';
import type { SyncDeps } from '../sync/ports.js';
import { deliverDealNote } from '../sync/usecases/deliver-deal-note.js';
import { documentForDeal, recordFinalFailure } from '../sync/usecases/document-for-deal.js';
import { refreshDocument } from '../sync/usecases/refresh-document.js';
import { syncContact } from '../sync/usecases/sync-contact.js';
import { syncItem } from '../sync/usecases/sync-item.js';
import { runBulkSyncNow } from './bulk-sync.js';
import { catchUp, scheduleCatchUp } from './catch-up.js';
import { asBackgroundWork } from './connections.js';
import type { AppContext } from './context.js';
import { replayRun } from './document-runs.js';
import { buildSyncDeps, type SyncDepsContext } from './sync-deps.js';

/**
 * Job name → handler. Each builds the company's SyncDeps fresh for its run and calls one use case,
 * which records the run (and, for documents, stores the deal note for `deal-note`) itself. A retryable failure is
 * rethrown for the queue to retry; when no retry will follow (not retryable, or the last attempt)
 * the run is ended first: documentForDeal's recordFinalFailure marks it failed and tells the deal;
 * a contact or item run is marked failed.
 *
 * The jobs of one deal, contact or product first ask whether their organisation's Xero budget can
 * serve them now (waitForBudget; xero/rate-budget.ts deferral): a backlog of one organisation then
 * waits in the queue, not in the worker slots, and another organisation's jobs get slots at once.
 * Replays and bulk syncs do not ask: a replay is one job a person asked for, and a bulk sync is one
 * long job that has to wait for the windows anyway.
 */
export type HandlerDeps = SyncDepsContext &
  Pick<AppContext, 'publicUrl' | 'catchUpIntervalMs' | 'queueLeaseMs'>;

/** Codes for which a run cannot even start; the user fixes them, then replays. */
const SETUP_CODES: ReadonlySet<ErrorCode> = new Set([
  'xero_not_connected',
  'settings_invalid',
  'pipedrive_not_connected',
]);

export function createJobHandlers(deps: HandlerDeps): JobHandlers {
  return inBackground({
    async 'document-for-deal'(payload, context) {
      const { companyId, runId, dealId, triggerKey } = payload;
      await waitForBudget(deps, companyId);
      const run = await getRun(deps.db, companyId, runId);
      // Uninstalled meanwhile: the run went with the company's data; nothing is left to do.
      if (run === undefined) return;
      if (!isDocumentKind(run.kind)) {
        throw new AppError(
          'job_payload_invalid',
          `Run ${runId} is a ${run.kind} run, not a document`,
        );
      }
      const syncDeps = await depsOrWaitingFix(deps, companyId, runId);
      if (syncDeps === undefined) return;
      const job = { runId, dealId, triggerKey, kind: run.kind, jobId: context.id };
      try {
        const outcome = await documentForDeal(syncDeps, job);
        deps.logger.info({ companyId, runId, dealId, outcome }, 'document run ended');
      } catch (error) {
        if (isLastChance(error, context)) await recordFinalFailure(syncDeps, job, error);
        throw error;
      }
    },
    // A note of the outbox (deliver-deal-note.ts); a transient failure is retried, and a note whose
    // retries run out is handed over again by the sweep (services/deal-notes.ts).
    async 'deal-note'(payload, context) {
      const { companyId, noteId } = payload;
      // Uninstalled meanwhile: the note went with the company's data.
      if ((await getCompany(deps.db, companyId)) === undefined) return;
      const { db, clock, logger } = deps;
      const pipedrive = await deps.connections.pipedriveFor(companyId);
      const outcome = await deliverDealNote(
        { db, clock, logger, pipedrive },
        { companyId, noteId },
        context.id,
      );
      logger.info({ companyId, noteId, outcome }, 'deal note delivery ended');
    },
    async replay(payload) {
      await replayRun(deps, payload.companyId, payload.runId);
    },
    async 'sync-contact'(payload, context) {
      const { companyId, runId, kind, pipedriveId } = payload;
      await waitForBudget(deps, companyId);
      const syncDeps = await depsOrWaitingFix(deps, companyId, runId);
      if (syncDeps === undefined) return;
      await failOnLastChance(deps, companyId, runId, context, () =>
        syncContact(syncDeps, { kind, id: pipedriveId, runId }),
      );
    },
    // Each page saves its position, so a retried job continues where the last attempt stopped.
    async 'bulk-sync'(payload, context) {
      const { companyId, what } = payload;
      const result = await runBulkSyncNow(deps, companyId, { what, signal: context.signal });
      // Stopped between pages (the queue is stopping): fail this attempt so the job runs again.
      if (result.nextCursor !== null) {
        throw new AppError('bulk_sync_interrupted', `Bulk sync of ${payload.what} stopped early`);
      }
    },
    // A Xero event (docs/vendors/xero.md §14); no run: the paid note is the user-visible outcome.
    async 'refresh-document'(payload) {
      const { companyId, tenantId, resourceId, category } = payload;
      const syncDeps = await buildSyncDeps(deps, companyId);
      const outcome = await refreshDocument(syncDeps, { tenantId, resourceId, category });
      deps.logger.info({ companyId, resourceId, outcome }, 'xero event refreshed');
    },
    // Never throws for a vendor problem (it is recorded and shown), so the chain of checks goes on.
    async 'catch-up'(payload, context) {
      const outcome = await catchUp(deps, payload.companyId, { signal: context.signal });
      if (outcome.kind === 'not_installed') return;
      const next = new Date(deps.clock.now().getTime() + deps.catchUpIntervalMs);
      await scheduleCatchUp(deps.queue, payload.companyId, next);
    },
    async 'sync-item'(payload, context) {
      const { companyId, runId, productId } = payload;
      await waitForBudget(deps, companyId);
      const syncDeps = await depsOrWaitingFix(deps, companyId, runId);
      if (syncDeps === undefined) return;
      await failOnLastChance(deps, companyId, runId, context, () =>
        syncItem(syncDeps, { productId, runId }),
      );
    },
  });
}

/**
 * A job that would have to wait longer than this for its organisation's budget is put back in the
 * queue instead; a shorter wait costs less than a round trip through the queue.
 */
export const DEFER_THRESHOLD_MS = 2_000;

/**
 * Throws JobDeferred, before the job touches anything, when the company's Xero organisation cannot
 * serve it for a while; the limiter reserves the time it comes back at. A company with no
 * organisation goes on (its run records why it cannot).
 */
async function waitForBudget(deps: HandlerDeps, companyId: number): Promise<void> {
  const tenantId = await getXeroTenantId(deps.db, companyId);
  if (tenantId === undefined) return;
  const untilMs = await deps.connections.limiter.deferral(tenantId, DEFER_THRESHOLD_MS);
  if (untilMs !== undefined) throw new JobDeferred(untilMs);
}

/** Entity runs have no note to write: a run no retry will follow is marked failed, with why. */
async function failOnLastChance(
  deps: HandlerDeps,
  companyId: number,
  runId: string,
  context: JobContext,
  work: () => Promise<unknown>,
): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (isLastChance(error, context)) {
      await updateRun(
        deps.db,
        companyId,
        runId,
        {
          status: 'failed',
          reasonCode: error instanceof AppError ? error.code : 'internal_error',
          message: error instanceof Error ? error.message : String(error),
        },
        deps.clock.now(),
      );
    }
    throw error;
  }
}

function isLastChance(error: unknown, context: JobContext): boolean {
  return isNonRetryable(error) || context.attempt >= context.maxAttempts;
}

/** SyncDeps, or undefined after recording why the run waits for the user (no retry helps). */
async function depsOrWaitingFix(
  deps: HandlerDeps,
  companyId: number,
  runId: string,
): Promise<SyncDeps | undefined> {
  try {
    return await buildSyncDeps(deps, companyId);
  } catch (error) {
    if (!(error instanceof AppError) || !SETUP_CODES.has(error.code)) throw error;
    await updateRun(
      deps.db,
      companyId,
      runId,
      { status: 'waiting_fix', reasonCode: error.code, message: error.message },
      deps.clock.now(),
    );
    deps.logger.warn({ companyId, runId, code: error.code }, 'document run waits for a fix');
    return undefined;
  }
}

/** Every job's Xero calls go in the background lane (connections.ts). */
function inBackground(handlers: JobHandlers): JobHandlers {
  const wrapped = Object.entries(handlers).map(([name, handler]) => [
    name,
    (payload: never, context: JobContext) => asBackgroundWork(() => handler(payload, context)),
  ]);
  return Object.fromEntries(wrapped) as JobHandlers;
}
