import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import {
  type ActionResult,
  previewDealDocument,
  replayDealRun,
  updateContactNow,
} from '../../services/panel-actions.js';
import type { PanelResource } from '../../services/panels.js';
import { DOCUMENT_KINDS } from '../../sync/document-kinds.js';
import type { HttpDeps } from '../deps.js';
import { type PanelCaller, verifyPanelRequest } from './panel-request.js';

/**
 * The panels' actions, called like JSON modals (docs/vendors/pipedrive.md §7.3): ids and the JWT in the query
 * (verified exactly as for the panels), form values as the JSON body; services/panel-actions.ts
 * does the work. Answers are `{success: {message, type: 'snackbar', refreshPanelData}}` or 400
 * `{error: {message, code}}`, in plain words; a refused token is 401/403 `{error: {message, code}}`
 * (Pipedrive shows `message`; `code` is from docs/errors.md).
 */
type Answer = { status: number; body: unknown };
type Action = (
  deps: HttpDeps,
  caller: PanelCaller & { resource: PanelResource },
  values: unknown,
) => Promise<ActionResult>;

const no = (message: string): Answer => ({
  status: 400,
  body: { error: { message, code: 'panel_action_refused' } },
});

function answerOf(result: ActionResult): Answer {
  if (!result.ok) return no(result.message);
  const success = { message: result.message, type: 'snackbar', refreshPanelData: result.refresh };
  return { status: 200, body: { success, ...result.extra } };
}

export function registerPanelActionRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const route = (name: string, resources: readonly PanelResource[], action: Action) =>
    app.post(`/panels/actions/${name}`, async (request, reply) => {
      const send = (answer: Answer) => reply.code(answer.status).send(answer.body);
      const query = request.query as { resource?: unknown };
      const verified = await verifyPanelRequest(
        request.query,
        resources,
        deps.pipedriveClient.clientSecret,
        deps.clock,
      );
      if (!verified.ok)
        return send({
          status: verified.status,
          body: {
            error: { message: `${verified.message} (${verified.code})`, code: verified.code },
          },
        });
      // Pipedrive names the resource; an action needs it to know what the selected id is.
      const resource = resources.length === 1 ? resources[0] : query.resource;
      if (!resources.includes(resource as PanelResource))
        return send(no(`This action works on ${resources.join(' or ')} only`));
      if (verified.caller.isShared)
        return send(no('Install pipedrive-xero in your Pipedrive to use its actions.'));
      const caller = { ...verified.caller, resource: resource as PanelResource };
      return send(answerOf(await action(deps, caller, request.body ?? {})));
    });
  route('update', ['organization', 'person'], (deps, caller) =>
    updateContactNow(deps, {
      companyId: caller.companyId,
      kind: caller.resource === 'person' ? 'person' : 'organization',
      id: caller.selectedId,
    }),
  );
  route('replay', ['deal'], async (deps, caller, values) => {
    const parsed = replayValues.safeParse(values);
    if (!parsed.success)
      return { ok: false, message: 'runId must be the id of a run of this deal.' };
    return replayDealRun(deps, {
      companyId: caller.companyId,
      dealId: caller.selectedId,
      ...(parsed.data.runId !== undefined && { runId: parsed.data.runId }),
    });
  });
  route('preview', ['deal'], async (deps, caller, values) => {
    const parsed = previewValues.safeParse(values);
    if (!parsed.success)
      return { ok: false, message: `kind must be one of: ${DOCUMENT_KINDS.join(', ')}.` };
    return previewDealDocument(deps, {
      companyId: caller.companyId,
      dealId: caller.selectedId,
      kind: parsed.data.kind,
    });
  });
}

const replayValues = z.object({ runId: z.string().min(1).max(100).optional() });
const previewValues = z.object({ kind: z.enum(DOCUMENT_KINDS).default('invoice') });
