import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import { replayRun } from '../../services/document-runs.js';
import { historyPage, replayFailedRuns, RUN_KINDS, RUN_STATUSES } from '../../services/runs.js';
import type { HttpDeps } from '../deps.js';
import { filterQuery, type HistoryFilters, renderHistoryPage } from './history-page.js';
import { type UiContext, uiHref } from './layout.js';
import { uiContext } from './ui-access.js';

/**
 * GET /ui/history (filters: status, deal, kind, from, to as YYYY-MM-DD, `to` inclusive; `page`,
 * PAGE_SIZE runs each), POST /ui/history/replay (runId) and POST /ui/history/replay-all
 * (services/runs.ts: the latest failed run of each deal trigger, once). Replays go through
 * services/document-runs.ts replayRun, as the API and the deal note's link do, and return to the
 * history with the filters and page they were posted from.
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
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  notice: z.string().max(200).optional(),
});
const replayBody = z.object({ runId: z.string().min(1).max(100) });
const DAY_MS = 86_400_000;
const LIMIT = 200;
const PAGE_SIZE = 25;

export function registerHistoryUiRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const html = { config: { html: true } };

  app.get('/ui/history', html, async (request, reply) => {
    const context = await uiContext(deps, request, reply);
    const { notice, page, ...filters } = filtersQuery.parse(request.query);
    const history = await historyPage(
      deps,
      context.companyId,
      {
        ...(filters.status !== '' && { statuses: [filters.status] }),
        ...(filters.kind !== '' && { kinds: [filters.kind] }),
        ...(filters.deal !== '' && { dealId: Number(filters.deal) }),
        ...(filters.from !== '' && { from: new Date(`${filters.from}T00:00:00Z`) }),
        ...(filters.to !== '' && { to: new Date(Date.parse(`${filters.to}T00:00:00Z`) + DAY_MS) }),
      },
      { offset: (page - 1) * PAGE_SIZE, size: PAGE_SIZE },
    );
    const view = { context, filters: filters satisfies HistoryFilters, page, history };
    return reply
      .type('text/html; charset=utf-8')
      .send(renderHistoryPage(notice === undefined ? view : { ...view, notice }));
  });

  app.post('/ui/history/replay', html, async (request, reply) => {
    const context = await uiContext(deps, request, reply);
    const { runId } = replayBody.parse(request.body);
    const run = await replayRun(deps, context.companyId, runId);
    const notice = `Replay queued as run ${run.id}; the deal gets a note when it ends.`;
    return reply.redirect(backToHistory(context, request.body, notice), 303);
  });

  app.post('/ui/history/replay-all', html, async (request, reply) => {
    const context = await uiContext(deps, request, reply);
    const queued = await replayFailedRuns(deps, context.companyId, LIMIT);
    const notice =
      queued === 0
        ? 'No failed runs to replay.'
        : `${queued} failed ${queued === 1 ? 'run' : 'runs'} queued again; each deal gets a note when its run ends.`;
    return reply.redirect(backToHistory(context, request.body, notice), 303);
  });
}

/** The history as it was when the replay was posted (its filters and page), with `notice`. */
function backToHistory(context: UiContext, body: unknown, notice: string): string {
  const parsed = filtersQuery.safeParse(body ?? {});
  if (!parsed.success) return uiHref(context, '/ui/history', { notice });
  const { page, status, kind, deal, from, to } = parsed.data;
  const kept = filterQuery({ status, kind, deal, from, to }, page);
  return uiHref(context, '/ui/history', { ...kept, notice });
}
