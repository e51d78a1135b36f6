import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';

import { replayRun } from '../../services/document-runs.js';
import { AppError } from '../../errors.js';
import { DOCUMENT_KINDS } from '../../sync/document-kinds.js';
import { createRun, getRun, listRunsForDeal } from '../../store/repos/runs.js';
import { prepareDocument } from '../../sync/usecases/prepare-document.js';
import { syncContact } from '../../sync/usecases/sync-contact.js';
import type { HttpDeps } from '../server.js';
import { companyState, problemMessage } from '../../services/company-state.js';
import { type PanelCaller, type PanelResource, verifyPanelRequest } from './panel-request.js';
import { previewMessage, readyPreview, refusedPreview } from '../../services/document-preview.js';

/**
 * The panels' actions, called like JSON modals (pipedrive.md §7.3): ids and the JWT in the query
 * (verified exactly as for the panels), form values as the JSON body. Answers are
 * `{success: {message, type: 'snackbar', refreshPanelData}}` or 400 `{error: {message}}`, in plain
 * words; a refused token is 401/403 `{error: {message}}`.
 *
 * - update  (organization, person): sync the contact to Xero NOW, as a run of kind `contact`.
 * - replay  (deal): replay a failed run of this deal (`runId`, else its latest failed one).
 * - preview (deal): the invoice or quote the deal would make, built but NOT created.
 */
type Answer = { status: number; body: unknown };
type Action = (
  deps: HttpDeps,
  caller: PanelCaller & { resource: PanelResource },
  values: unknown,
) => Promise<Answer>;

const ok = (message: string, extra: Record<string, unknown> = {}, refresh = true): Answer => ({
  status: 200,
  body: { success: { message, type: 'snackbar', refreshPanelData: refresh }, ...extra },
});
const no = (message: string): Answer => ({ status: 400, body: { error: { message } } });

export function registerPanelActionRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const route = (name: string, resources: readonly PanelResource[], action: Action) =>
    app.post(`/panels/actions/${name}`, async (request, reply) => {
      const query = request.query as { resource?: unknown };
      const verified = await verifyPanelRequest(
        request.query,
        resources,
        deps.pipedriveClient.clientSecret,
        deps.clock,
      );
      if (!verified.ok)
        return send(reply, {
          status: verified.status,
          body: { error: { message: `${verified.message} (${verified.code})` } },
        });
      // Pipedrive names the resource; an action needs it to know what the selected id is.
      const resource = resources.length === 1 ? resources[0] : query.resource;
      if (!resources.includes(resource as PanelResource))
        return send(reply, no(`This action works on ${resources.join(' or ')} only`));
      if (verified.caller.isShared)
        return send(reply, no('Install pipedrive-xero in your Pipedrive to use its actions.'));
      const caller = { ...verified.caller, resource: resource as PanelResource };
      return send(reply, await action(deps, caller, request.body ?? {}));
    });
  route('update', ['organization', 'person'], updateContact);
  route('replay', ['deal'], replayDealRun);
  route('preview', ['deal'], previewDocument);
}

function send(reply: FastifyReply, answer: Answer) {
  return reply.code(answer.status).send(answer.body);
}

const updateContact: Action = async (deps, caller) => {
  const state = await companyState(deps, caller.companyId);
  if (!state.ok) return no(problemMessage(state.problem));
  const kind = caller.resource === 'person' ? 'person' : 'organization';
  const run = await createRun(
    deps.db,
    { companyId: caller.companyId, kind: 'contact' },
    deps.clock.now(),
  );
  try {
    const outcome = await syncContact(state.deps, { kind, id: caller.selectedId, runId: run.id });
    if (outcome.status === 'waiting_fix') return no(outcome.message);
    if (outcome.created) return ok('Created the contact in Xero.');
    if (outcome.changedFields.length === 0) return ok('The Xero contact was already up to date.');
    return ok(`Updated the Xero contact: ${outcome.changedFields.join(', ')}.`);
  } catch (error) {
    // Xero or Pipedrive did not answer: the queue finishes the same run, with retries.
    await deps.queue.enqueue('sync-contact', {
      companyId: caller.companyId,
      kind,
      pipedriveId: caller.selectedId,
      runId: run.id,
    });
    deps.logger.warn({ err: error, runId: run.id }, 'panel update: handed to the queue');
    return ok('Xero did not answer just now; the update will finish in the background.', {}, false);
  }
};

const replayValues = z.object({ runId: z.string().min(1).max(100).optional() });

const replayDealRun: Action = async (deps, caller, values) => {
  const parsed = replayValues.safeParse(values);
  if (!parsed.success) return no('runId must be the id of a run of this deal.');
  const dealId = caller.selectedId;
  const runId =
    parsed.data.runId ??
    (await listRunsForDeal(deps.db, caller.companyId, dealId)).find(
      (run) => run.status === 'failed' || run.status === 'waiting_fix',
    )?.id;
  const run = runId === undefined ? undefined : await getRun(deps.db, caller.companyId, runId);
  if (run === undefined || run.dealId !== dealId)
    return no(`There is no failed sync of deal ${dealId} to replay.`);
  const state = await companyState(deps, caller.companyId);
  if (!state.ok) return no(problemMessage(state.problem));
  // documentForDeal reads the organisation's reference data afresh for a replay.
  try {
    const replay = await replayRun(deps, caller.companyId, run.id);
    return ok(`Replay queued (run ${replay.id}); the deal gets a note when it ends.`);
  } catch (error) {
    if (error instanceof AppError && error.code === 'run_not_replayable') return no(error.message);
    throw error;
  }
};

const previewValues = z.object({ kind: z.enum(DOCUMENT_KINDS).default('invoice') });

const previewDocument: Action = async (deps, caller, values) => {
  const parsed = previewValues.safeParse(values);
  if (!parsed.success) return no(`kind must be one of: ${DOCUMENT_KINDS.join(', ')}.`);
  const { kind } = parsed.data;
  const state = await companyState(deps, caller.companyId);
  if (!state.ok) return no(problemMessage(state.problem));
  const dealId = caller.selectedId;
  // The Reference a real run would use: the deal's earlier trigger of this kind (syncDealNow).
  const earlier = (await listRunsForDeal(deps.db, caller.companyId, dealId)).find(
    (run) => run.kind === kind && run.triggerKey !== null,
  );
  const preparation = await prepareDocument(state.deps, {
    runId: 'preview',
    dealId,
    triggerKey: earlier?.triggerKey ?? `manual:${kind}`,
    kind,
  });
  if (preparation.kind === 'deal_gone') return no(`Deal ${dealId} no longer exists.`);
  const preview =
    preparation.kind === 'stop'
      ? refusedPreview(kind, preparation.stop)
      : readyPreview(kind, preparation.prepared.built);
  return ok(previewMessage(preview), { preview }, false);
};
