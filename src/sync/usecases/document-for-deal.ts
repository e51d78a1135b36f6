import { AppError } from '../../errors.js';
import type { ErrorCode } from '../../errors/catalogue.js';
import type { JobState } from '../../queue/port.js';
import { getDocument, type XeroDocument } from '../../store/repos/documents.js';
import { getRun, type Run, updateRun } from '../../store/repos/runs.js';
import type { RunStatus } from '../../store/tables.js';
import { XeroValidationError } from '../../xero/errors.js';
import type { DocumentJob, RunOutcome, SyncDeps } from '../ports.js';
import { createDocumentOnce } from './create-document.js';
import { dispatchDealNote, recordWithDealNote } from './deal-note.js';
import { ensureContact } from './ensure-contact.js';
import { createPlannedItems } from './ensure-items.js';
import { classifyFailure, finalFailureNote } from './failures.js';
import { invalidateOrgReference } from './load-org-reference.js';
import { type PreparedDocument, prepareDocument } from './prepare-document.js';
import { runProblemNote, runSuccessNote } from './run-note.js';
import type { Stop } from './stop.js';
import { preparingDocument } from './xero-documents.js';

/**
 * A deal entered a trigger → one DRAFT invoice or quote in Xero, exact to the cent, with a note on
 * the deal (docs/architecture.md, the flow; invariants 1, 4, 7, 8).
 *
 * States of the run: queued → running → succeeded | waiting_fix | ignored | failed. A run found
 * `running` at the start is a retry (the previous attempt threw or the process died), so its attempt
 * number goes up and the document is looked for in Xero before anything is created. Retryable
 * failures are thrown for the queue to retry, without a note; when the retries run out the shell
 * calls `recordFinalFailure`, which leaves the one note of the failure. Each ending that tells the
 * deal stores its note with the run's new status in one transaction (the notes outbox, deal-note.ts).
 */

const FINAL: ReadonlySet<RunStatus> = new Set(['succeeded', 'waiting_fix', 'ignored', 'failed']);

export async function documentForDeal(deps: SyncDeps, job: DocumentJob): Promise<RunOutcome> {
  const started = await startRun(deps, job);
  if ('outcome' in started) return started.outcome;
  const { run } = started;
  try {
    const existing = await getDocument(deps.db, documentKey(deps, job));
    if (existing?.xeroId) return await finishReused(deps, run, existing);

    const done = preparingDocument(deps, job.kind);
    try {
      return await prepareAndCreate(deps, job, run);
    } finally {
      done();
    }
  } catch (error) {
    const failure = classifyFailure(error);
    if (failure.kind === 'stop') {
      if (failure.stop.code === 'xero_validation_failed') await invalidateOrgReference(deps);
      return finishStopped(deps, job, failure.stop);
    }
    const code = error instanceof AppError ? error.code : 'internal_error';
    const message = error instanceof Error ? error.message : String(error);
    await updateRun(
      deps.db,
      deps.company.id,
      run.id,
      { reasonCode: code, message: `will retry: ${message}` },
      deps.clock.now(),
    );
    throw error;
  }
}

/**
 * The shell calls this when the queue gives up on a document job (retries exhausted): the run
 * fails, and the deal gets the one note of the failure with a replay link. Idempotent: a run that
 * already ended is left as it is, and a run has one note whoever ends it.
 */
export async function recordFinalFailure(
  deps: SyncDeps,
  job: DocumentJob,
  error: unknown,
): Promise<void> {
  const run = await getRun(deps.db, deps.company.id, job.runId);
  if (!run || FINAL.has(run.status)) return;
  const stop = finalFailureNote(error);
  await recordWithDealNote(deps, runProblemNote(deps, job, stop.note), (trx) =>
    updateRun(
      trx,
      deps.company.id,
      run.id,
      { status: 'failed', reasonCode: stop.code, message: stop.message },
      deps.clock.now(),
    ),
  );
}

/**
 * Stored contact links and items read before are trusted without asking Xero again (issue 12: no
 * periodic re-verification). When Xero refuses the document for its contact or an item, what was
 * trusted is looked up afresh and the document made once more, under its own Idempotency-Key (Xero
 * replays a refusal for the same key, docs/vendors/xero.md §3); a second refusal stops the run.
 */
async function prepareAndCreate(deps: SyncDeps, job: DocumentJob, run: Run): Promise<RunOutcome> {
  for (const verify of [false, true]) {
    const preparation = await prepareDocument(deps, job);
    if (preparation.kind === 'deal_gone') return finishDealGone(deps, run);
    if (preparation.kind === 'stop') return finishStopped(deps, job, preparation.stop);
    try {
      return await createAndRecord(deps, job, run, preparation.prepared, verify);
    } catch (error) {
      if (verify || !refusesWhatWasTrusted(error)) throw error;
      await invalidateOrgReference(deps);
    }
  }
  throw new Error('unreachable: the verified attempt returns or throws');
}

/** Xero's words when a document's contact or item is gone or archived (docs/vendors/xero.md §6). */
function refusesWhatWasTrusted(error: unknown): boolean {
  return (
    error instanceof XeroValidationError &&
    error.messages.some((message) => /\bcontact\b|\bitem code\b/i.test(message))
  );
}

async function createAndRecord(
  deps: SyncDeps,
  job: DocumentJob,
  run: Run,
  prepared: PreparedDocument,
  verify: boolean,
): Promise<RunOutcome> {
  const contact = await ensureContact(deps, prepared.source, run.id, { verify });
  if (!contact.ok) return finishStopped(deps, job, contact.stop);
  const itemsStop = await createPlannedItems(deps, prepared.plan);
  if (itemsStop) return finishStopped(deps, job, itemsStop);

  const { built, reference } = prepared;
  const document = { ...built.document, Contact: { ContactID: contact.contactId } };
  const url = (xeroId: string) => deps.links.xeroDocumentUrl(reference.shortCode, job.kind, xeroId);
  const creation = await createDocumentOnce(deps, job, {
    run,
    document,
    contactId: contact.contactId,
    today: prepared.today,
    ...(verify && { keySuffix: 'verified' }),
    url,
    summary: {
      reference: document.Reference,
      contact: {
        id: contact.contactId,
        name: contact.name,
        how: contact.how,
        ...(contact.customerNumber !== undefined && { customerNumber: contact.customerNumber }),
        ...(contact.warnings && { warnings: contact.warnings }),
      },
      lines: document.LineItems.length,
      expectedTotal: built.expected.total.toFixed(2),
    },
    note: (doc, how) =>
      runSuccessNote(deps, job, prepared, doc, how, url, {
        name: contact.name,
        how: contact.how,
        customerNumber: contact.customerNumber,
        warnings: contact.warnings,
      }),
  });
  if (creation.kind === 'busy') {
    return finish(
      deps,
      run.id,
      'ignored',
      'document_in_progress',
      'Another run of this trigger is creating the document',
    );
  }
  if (creation.kind === 'existing') return finishReused(deps, run, creation.document);

  await dispatchDealNote(deps, creation.note);
  const doc = creation.document;
  return {
    status: 'succeeded',
    documentId: doc.xeroId ?? '',
    number: doc.number,
    total: doc.total ?? built.expected.total.toFixed(2),
    reused: false,
  };
}

type Started = { run: Run } | { outcome: RunOutcome };

async function startRun(deps: SyncDeps, job: DocumentJob): Promise<Started> {
  const run = await getRun(deps.db, deps.company.id, job.runId);
  if (!run)
    throw new AppError(
      'run_not_found',
      `Run ${job.runId} does not exist for company ${deps.company.id}`,
    );
  if (FINAL.has(run.status)) return { outcome: await outcomeOfFinishedRun(deps, job, run) };
  if (run.status === 'running' && !ownsRun(run, job)) {
    const owner = await ownerState(deps, run);
    // Its job works on it now (this job is a duplicate): look again later, in case that job's
    // queue then gives the run up (a graphile job whose key was added again is not retried).
    if (owner === 'running') throw runHeld(run);
    if (owner === 'waiting') return { outcome: runInProgress(run) };
    // 'ended': nothing will finish the run but this job, which takes it over below.
  }
  // A replay follows a fix the user has usually just made in Xero (a currency enabled, an account
  // restored): read the organisation's reference data afresh, in whichever process runs the job.
  if (run.replayOf !== null && run.status === 'queued') {
    await invalidateOrgReference(deps);
  }
  // A run found running was interrupted (thrown for retry, or the process died): a new attempt.
  const attempt = run.status === 'running' ? run.attempt + 1 : run.attempt;
  // Compare-and-set on the status: of two jobs starting the same run, one wins (invariant 1).
  const updated = await updateRun(
    deps.db,
    deps.company.id,
    run.id,
    { status: 'running', attempt, jobId: job.jobId ?? null },
    deps.clock.now(),
    { ifStatus: run.status, ifJobId: run.jobId },
  );
  return updated === undefined ? { outcome: runInProgress(run) } : { run: updated };
}

function ownerState(deps: SyncDeps, run: Run): Promise<JobState> {
  if (run.jobId === null || deps.jobState === undefined) return Promise.resolve('waiting');
  return deps.jobState(run.jobId);
}

function runHeld(run: Run): AppError {
  return new AppError(
    'run_in_progress',
    `Run ${run.id} is being worked on by job ${run.jobId}; this job looks again later`,
    { retryable: true },
  );
}

/**
 * Whether the job may take its run on from `running`: the job that set it so (its retry, however
 * its queue numbers the delivery), a caller naming no job, or any job when no job is recorded.
 */
function ownsRun(run: Run, job: DocumentJob): boolean {
  return job.jobId === undefined || run.jobId === null || run.jobId === job.jobId;
}

/** Another job owns the run: nothing is done and nothing is recorded (its job records the end). */
function runInProgress(run: Run): RunOutcome {
  return {
    status: 'ignored',
    code: 'run_in_progress',
    message: `Run ${run.id} is being worked on by another job`,
  };
}

/** A job delivered again after its run ended (at-least-once queues) changes nothing. */
async function outcomeOfFinishedRun(
  deps: SyncDeps,
  job: DocumentJob,
  run: Run,
): Promise<RunOutcome> {
  if (run.status === 'succeeded') {
    const document = await getDocument(deps.db, documentKey(deps, job));
    if (document?.xeroId) return reusedOutcome(document);
  }
  const code = run.reasonCode ?? run.status;
  const message = run.message ?? `run already ${run.status}`;
  return run.status === 'waiting_fix'
    ? { status: 'waiting_fix', code, message }
    : { status: 'ignored', code, message };
}

async function finishReused(deps: SyncDeps, run: Run, document: XeroDocument): Promise<RunOutcome> {
  await updateRun(
    deps.db,
    deps.company.id,
    run.id,
    {
      status: 'succeeded',
      reasonCode: 'already_exists',
      message: `The ${document.type} ${document.number ?? document.xeroId} already exists in Xero`,
    },
    deps.clock.now(),
  );
  return reusedOutcome(document);
}

function reusedOutcome(document: XeroDocument): RunOutcome {
  return {
    status: 'succeeded',
    documentId: document.xeroId ?? '',
    number: document.number,
    total: document.total ?? '',
    reused: true,
  };
}

/** The deal was deleted: nothing to make and nowhere to write a note. */
async function finishDealGone(deps: SyncDeps, run: Run): Promise<RunOutcome> {
  const message = `Deal ${run.dealId} no longer exists in Pipedrive`;
  await finish(deps, run.id, 'failed', 'deal_not_found', message);
  return { status: 'ignored', code: 'deal_not_found', message };
}

async function finishStopped(deps: SyncDeps, job: DocumentJob, stop: Stop): Promise<RunOutcome> {
  await recordWithDealNote(deps, runProblemNote(deps, job, stop.note), (trx) =>
    finish({ ...deps, db: trx }, job.runId, 'waiting_fix', stop.code, stop.message),
  );
  return { status: 'waiting_fix', code: stop.code, message: stop.message };
}

async function finish(
  deps: Pick<SyncDeps, 'db' | 'company' | 'clock'>,
  runId: string,
  status: 'ignored' | 'failed' | 'waiting_fix',
  code: ErrorCode,
  message: string,
): Promise<RunOutcome> {
  await updateRun(
    deps.db,
    deps.company.id,
    runId,
    { status, reasonCode: code, message },
    deps.clock.now(),
  );
  return { status: status === 'waiting_fix' ? 'waiting_fix' : 'ignored', code, message };
}

function documentKey(deps: SyncDeps, job: DocumentJob) {
  return { companyId: deps.company.id, dealId: job.dealId, triggerKey: job.triggerKey };
}
