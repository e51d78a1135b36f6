import { withTransaction } from '../../store/db.js';
import { addDealNote, type NewDealNote } from '../../store/repos/deal-notes.js';
import {
  claimDocument,
  recordCreatedDocument,
  type XeroDocument,
} from '../../store/repos/documents.js';
import { listRunsForDeal, type Run, updateRun } from '../../store/repos/runs.js';
import type { XeroDocumentDraft } from '../mapping/types.js';
import type { DocumentJob, SyncDeps } from '../ports.js';
import { idempotencyKey } from './keys.js';
import { findExistingDocument } from './reconcile.js';
import { XERO_DOCUMENTS, type XeroDocumentFacts } from './xero-documents.js';

/**
 * The one write that matters, made at most once per (company, deal, trigger) — invariant 1:
 * 1. claim the key in our store first (unique); a finished document means "already done", and a
 *    claim still open belongs either to an earlier attempt of this trigger (adopt it) or to a run that
 *    is working on it right now (stop: that run will finish it);
 * 2. if an earlier attempt may have reached Xero, look for its document by Reference and adopt it;
 * 3. create it with an Idempotency-Key made of the company, deal, trigger and run: a retry of the run
 *    sends the same key (Xero replays its answer), a replay is a new run and a new key (Xero caches
 *    errors too, docs/vendors/xero.md §3). Documents created at the same time share one request
 *    (document-batch.ts) under a key made of theirs: a retry that joins another batch sends another
 *    key, which step 2 makes safe;
 * 4. record it and count it in usage in one transaction (invariant 4), with the run marked succeeded
 *    and the run's note stored in the notes outbox (the caller hands it over after the commit).
 */

export type Creation =
  | { kind: 'created' | 'adopted'; document: XeroDocument; note: NewDealNote }
  | { kind: 'existing'; document: XeroDocument }
  | { kind: 'busy' };

export interface CreateInput {
  run: Run;
  document: XeroDocumentDraft;
  contactId: string;
  today: string;
  /** Tells a second attempt of the same run apart: Xero replays a refusal for a key it has seen. */
  keySuffix?: string;
  url: (xeroId: string) => string;
  summary: unknown;
  /** The run's note on the document as recorded (deal-note.ts composes it). */
  note(document: XeroDocument, how: 'created' | 'adopted'): NewDealNote;
}

const ACTIVE = new Set(['queued', 'running']);

export async function createDocumentOnce(
  deps: SyncDeps,
  job: DocumentJob,
  input: CreateInput,
): Promise<Creation> {
  const key = { companyId: deps.company.id, dealId: job.dealId, triggerKey: job.triggerKey };
  const claim = await claimDocument(
    deps.db,
    {
      ...key,
      type: job.kind,
      reference: input.document.Reference,
      currency: input.document.CurrencyCode,
      tenantId: deps.tenant.tenantId,
    },
    deps.clock.now(),
  );
  let document = input.document;
  let mayExist = input.run.attempt > 1;
  if (!claim.claimed) {
    if (claim.document.xeroId !== null) return { kind: 'existing', document: claim.document };
    if (await anotherRunIsWorking(deps, job, input.run)) return { kind: 'busy' };
    // Keep the claimed Reference (the deal title may have changed since) so a search finds it.
    document = { ...document, Reference: claim.document.reference };
    mayExist = true;
  }

  if (mayExist) {
    const found = await findExistingDocument(deps, job.kind, document.Reference, {
      contactId: input.contactId,
      date: input.today,
    });
    if (found)
      return { kind: 'adopted', ...(await record(deps, job, input, document, found, 'adopted')) };
  }
  const facts = await sendToXero(deps, job, input, document);
  return { kind: 'created', ...(await record(deps, job, input, document, facts, 'created')) };
}

/** A claim left open by another run that is still queued or running: that run owns the write. */
async function anotherRunIsWorking(deps: SyncDeps, job: DocumentJob, run: Run): Promise<boolean> {
  if (run.attempt > 1 || run.replayOf !== null) return false;
  const runs = await listRunsForDeal(deps.db, deps.company.id, job.dealId);
  return runs.some(
    (other) =>
      other.id !== run.id && other.triggerKey === job.triggerKey && ACTIVE.has(other.status),
  );
}

async function sendToXero(
  deps: SyncDeps,
  job: DocumentJob,
  input: CreateInput,
  document: XeroDocumentDraft,
): Promise<XeroDocumentFacts> {
  const parts = [deps.company.id, job.dealId, job.triggerKey, input.run.id];
  const key = idempotencyKey('doc', ...parts, ...(input.keySuffix ? [input.keySuffix] : []));
  return XERO_DOCUMENTS[job.kind].create(deps, document, { idempotencyKey: key });
}

async function record(
  deps: SyncDeps,
  job: DocumentJob,
  input: CreateInput,
  document: XeroDocumentDraft,
  facts: XeroDocumentFacts,
  how: 'created' | 'adopted',
): Promise<{ document: XeroDocument; note: NewDealNote }> {
  const now = deps.clock.now();
  return withTransaction(deps.db, async (trx) => {
    const recorded = await recordCreatedDocument(
      trx,
      {
        companyId: deps.company.id,
        dealId: job.dealId,
        triggerKey: job.triggerKey,
        type: job.kind,
        reference: document.Reference,
        currency: facts.currency ?? document.CurrencyCode,
        tenantId: deps.tenant.tenantId,
        xeroId: facts.id,
        number: facts.number,
        status: facts.status,
        subtotal: facts.subtotal,
        totalTax: facts.totalTax,
        total: facts.total,
        url: input.url(facts.id),
      },
      now,
    );
    await updateRun(
      trx,
      deps.company.id,
      input.run.id,
      {
        status: 'succeeded',
        reasonCode: null,
        message: `${job.kind} ${facts.number ?? facts.id} in Xero`,
        requestSummary: input.summary,
        responseSummary: { xeroId: facts.id, number: facts.number, total: facts.total },
      },
      now,
    );
    const note = input.note(recorded.document, how);
    await addDealNote(trx, note, now);
    return { document: recorded.document, note };
  });
}
