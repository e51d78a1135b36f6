import type { FastifyInstance, FastifyReply } from 'fastify';

import { listDocumentsForDeal } from '../../store/repos/documents.js';
import { listRunsForDeal } from '../../store/repos/runs.js';
import { dealPanel, MAX_PANEL_OBJECTS, type PanelBody } from '../../sync/mapping/panels.js';
import type { SyncDeps } from '../../sync/ports.js';
import { customerSummary } from '../../sync/usecases/customer-summary.js';
import { loadOrgReference } from '../../sync/usecases/load-org-reference.js';
import { organisationToday } from '../../sync/usecases/org-date.js';
import type { HttpDeps } from '../server.js';
import { companyState, reauthProblem } from '../../services/company-state.js';
import { type PanelResource, refusedPanelBody, verifyPanelRequest } from './panel-request.js';

/**
 * GET /panels/organization, /panels/person, /panels/deal — Pipedrive's JSON panels (pipedrive.md
 * §7.1), read live: the customer's financial picture from Xero (customerSummary), the deal's
 * documents and runs from the store (kept current by Xero's webhooks). Every answer is a panel body
 * or the panel's error state: a refused token (401/403), the fix for a missing connection (409),
 * or Xero not answering in time (504/502) — Pipedrive gives up after 10 s, so the work is bounded.
 */
export const PANEL_DEADLINE_MS = 8_000;

export function registerPanelRoutes(app: FastifyInstance, deps: HttpDeps): void {
  for (const resource of ['organization', 'person', 'deal'] as const) {
    app.get(`/panels/${resource}`, async (request, reply) => {
      const verified = await verifyPanelRequest(
        request.query,
        [resource],
        deps.pipedriveClient.clientSecret,
        deps.clock,
      );
      if (!verified.ok) return reply.code(verified.status).send(refusedPanelBody(verified));
      const { companyId, selectedId } = verified.caller;
      const state = await companyState(deps, companyId);
      if (!state.ok) return reply.code(state.problem.status).send(state.problem.body);
      try {
        const body = await withDeadline(panelBody(state.deps, resource, selectedId));
        return reply.send(body);
      } catch (error) {
        return sendFailure(deps, reply, companyId, error);
      }
    });
  }
}

function panelBody(deps: SyncDeps, resource: PanelResource, id: number): Promise<PanelBody> {
  if (resource === 'deal') return dealBody(deps, id);
  return customerSummary(deps, { kind: resource, id }).then((summary) => summary.panel);
}

async function dealBody(deps: SyncDeps, dealId: number): Promise<PanelBody> {
  const [documents, runs, reference] = await Promise.all([
    listDocumentsForDeal(deps.db, deps.company.id, dealId),
    listRunsForDeal(deps.db, deps.company.id, dealId, MAX_PANEL_OBJECTS),
    loadOrgReference(deps),
  ]);
  const today = organisationToday(deps.clock.now(), reference.timezone);
  return dealPanel(documents, runs, deps.links, today);
}

class DeadlinePassed extends Error {}

/** Pipedrive shows "Something went wrong" after 10 s: answer with the error state before that. */
function withDeadline<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new DeadlinePassed()), PANEL_DEADLINE_MS);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

function sendFailure(deps: HttpDeps, reply: FastifyReply, companyId: number, error: unknown) {
  const reauth = reauthProblem(deps, companyId, error);
  if (reauth) return reply.code(reauth.status).send(reauth.body);
  const slow = error instanceof DeadlinePassed;
  deps.logger.warn({ err: error, companyId }, 'panel: Xero could not be read');
  return reply.code(slow ? 504 : 502).send({
    error: {
      title: slow ? 'Xero is slow right now' : 'Xero did not answer',
      subtitle: 'The figures could not be read from Xero. Reload the panel in a minute.',
    },
  });
}
