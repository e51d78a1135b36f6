import escapeHtml from 'escape-html';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import { replayRun } from '../../services/document-runs.js';
import { companyRun, listCompanyRuns, RUN_STATUSES } from '../../services/runs.js';
import { RUN_OUTCOME } from '../../sync/mapping/panels.js';
import { companyIdOf, requireCompanyAccess } from '../access.js';
import type { HttpDeps } from '../deps.js';
import { badge, page } from '../html.js';
import { csrfField } from '../ui/layout.js';

/**
 * The company's runs, each with where its deal note stands (`note`: pending | sent | dropped |
 * failed, null for runs without one), and replay. POST …/replay makes a new run (replay_of the old
 * one) and enqueues it; the deal note's replay link opens a small page whose button does the same.
 */
const listQuery = z.object({
  status: z.enum(RUN_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
const runParams = z.object({ runId: z.string().min(1).max(100) });

export function registerRunRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const html = { config: { html: true } };

  app.get('/api/companies/:id/runs', async (request, reply) => {
    const companyId = companyIdOf(request.params);
    await requireCompanyAccess(deps, request, reply, companyId);
    const query = listQuery.parse(request.query);
    const runs = await listCompanyRuns(deps, companyId, {
      limit: query.limit,
      ...(query.status !== undefined && { statuses: [query.status] }),
    });
    return { runs };
  });

  app.get('/api/companies/:id/runs/:runId', async (request, reply) => {
    const companyId = companyIdOf(request.params);
    await requireCompanyAccess(deps, request, reply, companyId);
    const { runId } = runParams.parse(request.params);
    return { run: await companyRun(deps, companyId, runId) };
  });

  app.post('/api/companies/:id/runs/:runId/replay', async (request, reply) => {
    const companyId = companyIdOf(request.params);
    await requireCompanyAccess(deps, request, reply, companyId);
    const { runId } = runParams.parse(request.params);
    const run = await replayRun(deps, companyId, runId);
    return reply.code(202).send({ run });
  });

  // The deal note's link: a page, because following a link must never change anything by itself;
  // it asks the person to sign in like every page (docs/access.md), the link carries no credential.
  app.get('/companies/:id/runs/:runId/replay', html, async (request, reply) => {
    const companyId = companyIdOf(request.params);
    const { runId } = runParams.parse(request.params);
    const access = await requireCompanyAccess(deps, request, reply, companyId, { page: true });
    const run = await companyRun(deps, companyId, runId);
    return reply.type('text/html; charset=utf-8').send(
      page(
        'Replay this sync',
        `<p>Deal ${run.dealId ?? ''}: the ${escapeHtml(run.kind)} sync ended ${badge(RUN_OUTCOME[run.status] ?? { color: 'grey', label: run.status })}</p>${run.message === null ? '' : `<p>${escapeHtml(run.message)}</p>`}
<form method="post">${csrfField(access.csrf)}<button type="submit" class="primary">Replay</button></form>`,
      ),
    );
  });

  app.post('/companies/:id/runs/:runId/replay', html, async (request, reply) => {
    const companyId = companyIdOf(request.params);
    const { runId } = runParams.parse(request.params);
    await requireCompanyAccess(deps, request, reply, companyId);
    const run = await replayRun(deps, companyId, runId);
    return reply
      .type('text/html; charset=utf-8')
      .send(
        page(
          'Replay queued',
          `<p>Run ${escapeHtml(run.id)} is queued; the deal gets a note when it ends.</p>`,
        ),
      );
  });
}
