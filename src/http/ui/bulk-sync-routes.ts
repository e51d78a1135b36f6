import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import { getXeroConnection } from '../../store/repos/xero-connections.js';
import { type BulkSyncState, getBulkSync } from '../../store/repos/bulk-sync.js';
import { HttpError } from '../error-handler.js';
import type { HttpDeps } from '../server.js';
import { uiHref } from './layout.js';
import { uiContext } from './ui-access.js';

/**
 * "Sync all customers/products": POST /ui/bulk-sync enqueues one bulk-sync job per company and kind
 * (its job key joins a second click to the waiting job) and returns to the settings page;
 * GET /ui/bulk-sync/status?company=&what= reports the saved progress (store/repos/bulk-sync.ts),
 * which the page polls while a pass runs.
 */
const what = z.enum(['customers', 'products']);

export function registerBulkSyncUiRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const html = { config: { html: true } };

  app.post('/ui/bulk-sync', html, async (request, reply) => {
    const context = uiContext(deps, request);
    const chosen = what.parse((request.body as { what?: unknown }).what);
    if ((await getXeroConnection(deps.db, deps.box, context.companyId)) === undefined) {
      throw new HttpError(409, 'xero_not_connected', 'Connect a Xero organisation first');
    }
    await deps.queue.enqueue(
      'bulk-sync',
      { companyId: context.companyId, what: chosen },
      { jobKey: `bulk-sync:${context.companyId}:${chosen}` },
    );
    return reply.redirect(uiHref(context, '/ui/settings', { queued: chosen }), 303);
  });

  app.get('/ui/bulk-sync/status', async (request) => {
    const context = uiContext(deps, request);
    const chosen = what.parse((request.query as { what?: unknown }).what);
    const xero = await getXeroConnection(deps.db, deps.box, context.companyId);
    const state =
      xero === undefined
        ? undefined
        : await getBulkSync(deps.db, {
            companyId: context.companyId,
            tenantId: xero.tenantId,
            what: chosen,
          });
    return {
      what: chosen,
      done: state?.done ?? 0,
      failed: state?.failed ?? [],
      updatedAt: state?.updatedAt ?? null,
      ...bulkStatusText(state),
    };
  });
}

/** The pass's state in words: never run, running (records so far), or completed (with failures). */
export function bulkStatusText(state: BulkSyncState | undefined): { status: string; text: string } {
  if (state === undefined) return { status: 'none', text: 'Not run yet.' };
  const failed = state.failed.length === 0 ? '' : `, ${state.failed.length} failed`;
  if (state.status === 'running')
    return { status: 'running', text: `Running: ${state.done} done${failed}…` };
  return { status: 'completed', text: `Done: ${state.done} synced${failed}.` };
}
