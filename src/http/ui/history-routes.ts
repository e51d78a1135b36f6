import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import { replayRun } from '../../services/document-runs.js';
import { listCompanyRuns, replayFailedRuns, RUN_KINDS, RUN_STATUSES } from '../../services/runs.js';
import type { HttpDeps } from '../deps.js';
import { type HistoryFilters, renderHistoryPage } from './history-page.js';
import { uiHref } from './layout.js';
import { uiContext } from './ui-access.js';

/**
 * GET /ui/history (filters: status, deal, kind, from, to as YYYY-MM-DD, `to` inclusive),
 * POST /ui/history/replay (runId) and POST /ui/history/replay-all (services/runs.ts: the latest
 * failed run of each deal trigger, once). Replays go through services/document-runs.ts replayRun,
 * as the API and the deal note's link do.
 */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .or(z.literal(''))
  .default('');
const filtersQuery = z.object({
  status: z.enum([...RUN_STATUSES, '']).default(''),
  kind: z.enum([...RUN_KINDS, '']).default(''),
  deal: z.string().regex(/^\d*$/, 'a deal id').default(''),
  from: day,
  to: day,
  notice: z.string().max(200).optional(),
});
const replayBody = z.object({ runId: z.string().min(1).max(100) });
const DAY_MS = 86_400_000;
const LIMIT = 200;

export function registerHistoryUiRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const html = { config: { html: true } };

  app.get('/ui/history', html, async (request, reply) => {
    const context = await uiContext(deps, request, reply);
    const { notice, ...filters } = filtersQuery.parse(request.query);
    const runs = await listCompanyRuns(deps, context.companyId, {
      limit: LIMIT,
      ...(filters.status !== '' && { statuses: [filters.status] }),
      ...(filters.kind !== '' && { kinds: [filters.kind] }),
      ...(filters.deal !== '' && { dealId: Number(filters.deal) }),
      ...(filters.from !== '' && { from: new Date(`${filters.from}T00:00:00Z`) }),
      ...(filters.to !== '' && { to: new Date(Date.parse(`${filters.to}T00:00:00Z`) + DAY_MS) }),
    });
    const view = { context, filters: filters satisfies HistoryFilters, runs };
    return reply
      .type('text/html; charset=utf-8')
      .send(renderHistoryPage(notice === undefined ? view : { ...view, notice }));
  });

  app.post('/ui/history/replay', html, async (request, reply) => {
    const context = await uiContext(deps, request, reply);
    const { runId } = replayBody.parse(request.body);
    const run = await replayRun(deps, context.companyId, runId);
    const notice = `Replay queued as run ${run.id}; the deal gets a note when it ends.`;
    return reply.redirect(uiHref(context, '/ui/history', { notice }), 303);
  });

  app.post('/ui/history/replay-all', html, async (request, reply) => {
    const context = await uiContext(deps, request, reply);
    const queued = await replayFailedRuns(deps, context.companyId, LIMIT);
    const notice = `${queued} failed run(s) queued again.`;
    return reply.redirect(uiHref(context, '/ui/history', { notice }), 303);
  });
}
