import { listDocumentsForDeal } from '../store/repos/documents.js';
import { listRunsForDeal } from '../store/repos/runs.js';
import { dealPanel, MAX_PANEL_OBJECTS, type PanelBody } from '../sync/mapping/panels.js';
import type { SyncDeps } from '../sync/ports.js';
import { customerSummary } from '../sync/usecases/customer-summary.js';
import { loadOrgReference } from '../sync/usecases/load-org-reference.js';
import { organisationToday } from '../sync/usecases/org-date.js';
import { companyState, type PanelDeps, reauthProblem } from './company-state.js';

/**
 * Pipedrive's JSON panels (docs/vendors/pipedrive.md §7.1), read live: a customer's financial
 * picture from Xero (customerSummary), a deal's documents and runs from the store (kept current by
 * Xero's webhooks).
 * Every answer is a panel body or the panel's error state: the fix for a missing connection (409),
 * or Xero not answering in time (504/502) — Pipedrive gives up after 10 s, so the work is bounded.
 * A failure of our own store is thrown (the HTTP error handler answers it).
 */
export const PANEL_DEADLINE_MS = 8_000;

export type PanelResource = 'deal' | 'person' | 'organization';

export interface PanelAnswer {
  status: number;
  body: unknown;
}

export async function showPanel(
  deps: PanelDeps,
  companyId: number,
  resource: PanelResource,
  selectedId: number,
): Promise<PanelAnswer> {
  const state = await companyState(deps, companyId);
  if (!state.ok) return { status: state.problem.status, body: state.problem.body };
  try {
    return { status: 200, body: await withDeadline(panelBody(state.deps, resource, selectedId)) };
  } catch (error) {
    const reauth = reauthProblem(deps, companyId, error);
    if (reauth) return { status: reauth.status, body: reauth.body };
    const slow = error instanceof DeadlinePassed;
    deps.logger.warn({ err: error, companyId }, 'panel: Xero could not be read');
    return {
      status: slow ? 504 : 502,
      body: {
        error: {
          title: slow ? 'Xero is slow right now' : 'Xero did not answer',
          subtitle: 'The figures could not be read from Xero. Reload the panel in a minute.',
        },
      },
    };
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
