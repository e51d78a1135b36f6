import { AppError } from '../errors.js';
import { createRun, getRun, listRunsForDeal } from '../store/repos/runs.js';
import type { DocumentKind } from '../sync/document-kinds.js';
import { previewContact } from '../sync/usecases/ensure-contact.js';
import { prepareDocument } from '../sync/usecases/prepare-document.js';
import { syncContact } from '../sync/usecases/sync-contact.js';
import { companyState, type PanelDeps, problemMessage } from './company-state.js';
import type { AppContext } from './context.js';
import {
  type DocumentPreview,
  previewCustomer,
  previewMessage,
  readyPreview,
  refusedPreview,
  withoutReplay,
} from './document-preview.js';
import { dealTriggerKey, replayRun } from './document-runs.js';

/**
 * What the panels' actions do (docs/vendors/pipedrive.md §7.3), each answering in plain words
 * for the snackbar:
 * - updateContactNow (organization, person): sync the contact to Xero NOW, as a run of kind
 *   `contact`; when Xero or Pipedrive does not answer, the queue finishes the same run;
 * - replayDealRun (deal): replay a failed run of this deal (the given one, else its latest);
 * - previewDealDocument (deal): the invoice or quote the deal would make, built but NOT created.
 */
export type ActionResult =
  | { ok: true; message: string; refresh: boolean; extra?: Record<string, unknown> }
  | { ok: false; message: string };

/** Done; the panel reloads its data unless nothing changed (`refresh: false`). */
const done = (
  message: string,
  options: { refresh?: boolean; extra?: Record<string, unknown> } = {},
): ActionResult => ({
  ok: true,
  message,
  refresh: options.refresh ?? true,
  ...(options.extra !== undefined && { extra: options.extra }),
});
const refused = (message: string): ActionResult => ({ ok: false, message });

export type ActionDeps = PanelDeps & Pick<AppContext, 'queue'>;

export async function updateContactNow(
  deps: ActionDeps,
  target: { companyId: number; kind: 'organization' | 'person'; id: number },
): Promise<ActionResult> {
  const { companyId, kind, id } = target;
  const state = await companyState(deps, companyId);
  if (!state.ok) return refused(problemMessage(state.problem));
  const run = await createRun(deps.db, { companyId, kind: 'contact' }, deps.clock.now());
  try {
    const outcome = await syncContact(state.deps, { kind, id, runId: run.id });
    if (outcome.status === 'waiting_fix') return refused(outcome.message);
    const warnings = outcome.warnings?.map((warning) => ` ${warning}`).join('') ?? '';
    if (outcome.created) return done(`Created the contact in Xero.${warnings}`);
    if (outcome.changedFields.length === 0) return done('The Xero contact was already up to date.');
    return done(`Updated the Xero contact: ${outcome.changedFields.join(', ')}.`);
  } catch (error) {
    // Xero or Pipedrive did not answer: the queue finishes the same run, with retries.
    await deps.queue.enqueue('sync-contact', { companyId, kind, pipedriveId: id, runId: run.id });
    deps.logger.warn({ err: error, runId: run.id }, 'panel update: handed to the queue');
    return done('Xero did not answer just now; the update will finish in the background.', {
      refresh: false,
    });
  }
}

export async function replayDealRun(
  deps: ActionDeps,
  target: { companyId: number; dealId: number; runId?: string },
): Promise<ActionResult> {
  const { companyId, dealId } = target;
  const runId =
    target.runId ??
    (await listRunsForDeal(deps.db, companyId, dealId)).find(
      (run) => run.status === 'failed' || run.status === 'waiting_fix',
    )?.id;
  const run = runId === undefined ? undefined : await getRun(deps.db, companyId, runId);
  if (run === undefined || run.dealId !== dealId)
    return refused(`There is no failed sync of deal ${dealId} to replay.`);
  const state = await companyState(deps, companyId);
  if (!state.ok) return refused(problemMessage(state.problem));
  // documentForDeal reads the organisation's reference data afresh for a replay.
  try {
    const replay = await replayRun(deps, companyId, run.id);
    return done(`Replay queued (run ${replay.id}); the deal gets a note when it ends.`);
  } catch (error) {
    if (error instanceof AppError && error.code === 'run_not_replayable')
      return refused(error.message);
    throw error;
  }
}

/** The deal's document as it would be sent, or why it cannot be previewed at all. */
export type PreviewOutcome = DocumentPreview | { status: 'unavailable'; message: string };

/**
 * The invoice or quote the deal would make, built but NOT created, and the Xero contact it would
 * go to (or that one would be created): the panel's Preview action
 * and the preview modal (http/ui/preview-routes.ts) both show this.
 */
export async function dealDocumentPreview(
  deps: ActionDeps,
  target: { companyId: number; dealId: number; kind: DocumentKind },
): Promise<PreviewOutcome> {
  const { companyId, dealId, kind } = target;
  const state = await companyState(deps, companyId);
  if (!state.ok)
    return { status: 'unavailable', message: withoutReplay(problemMessage(state.problem)) };
  const preparation = await prepareDocument(state.deps, {
    runId: 'preview',
    dealId,
    triggerKey: await dealTriggerKey(deps, target),
    kind,
  });
  if (preparation.kind === 'deal_gone')
    return { status: 'unavailable', message: `Deal ${dealId} no longer exists.` };
  if (preparation.kind === 'stop') return refusedPreview(kind, preparation.stop);
  // The customer as the run would find it (its next step), read only: nothing created or linked.
  const { prepared } = preparation;
  const contact = await previewContact(state.deps, prepared.source);
  if (contact.kind === 'stop') return refusedPreview(kind, contact.stop);
  const customer = previewCustomer(contact, (contactId) =>
    state.deps.links.xeroContactUrl(prepared.reference.shortCode, contactId),
  );
  return readyPreview(kind, prepared.built, customer);
}

export async function previewDealDocument(
  deps: ActionDeps,
  target: { companyId: number; dealId: number; kind: DocumentKind },
): Promise<ActionResult> {
  const preview = await dealDocumentPreview(deps, target);
  if (preview.status === 'unavailable') return refused(preview.message);
  return done(previewMessage(preview), { refresh: false, extra: { preview } });
}
