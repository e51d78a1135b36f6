import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import {
  BULK_SYNC_WHATS,
  type BulkSyncState,
  bulkSyncState,
  startBulkSync,
} from '../../services/bulk-sync.js';
import type { HttpDeps } from '../deps.js';
import { uiHref } from './layout.js';
import { uiContext } from './ui-access.js';

/**
 * "Sync all customers/products": POST /ui/bulk-sync queues the company's pass and returns to the
 * settings page; GET /ui/bulk-sync/status?company=&what= reports its saved progress, which the page
 * polls while a pass runs (services/bulk-sync.ts).
 */
const what = z.enum(BULK_SYNC_WHATS);

export function registerBulkSyncUiRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const html = { config: { html: true } };

  app.post('/ui/bulk-sync', html, async (request, reply) => {
    const context = await uiContext(deps, request, reply);
    const chosen = what.parse((request.body as { what?: unknown }).what);
    await startBulkSync(deps, context.companyId, chosen);
    return reply.redirect(uiHref(context, '/ui/settings', { queued: chosen }), 303);
  });

  app.get('/ui/bulk-sync/status', async (request, reply) => {
    const context = await uiContext(deps, request, reply);
    const chosen = what.parse((request.query as { what?: unknown }).what);
    const state = await bulkSyncState(deps, context.companyId, chosen);
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
