import escapeHtml from 'escape-html';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import { replayRun } from '../../services/document-runs.js';
import { runNoteStates } from '../../store/repos/deal-notes.js';
import { getRun, listRuns, type Run } from '../../store/repos/runs.js';
import { companyIdOf, requireCompanyAccess } from '../access.js';
import { HttpError } from '../error-handler.js';
import { page } from '../html.js';
import type { HttpDeps } from '../server.js';

/**
 * The company's runs, each with where its deal note stands (`note`: pending | sent | dropped |
 * failed, null for runs without one), and replay. POST …/replay makes a new run (replay_of the old
 * one) and enqueues it; the deal note's replay link opens a small page whose button does the same.
 */
const runStatuses = z.enum(['queued', 'running', 'succeeded', 'failed', 'waiting_fix', 'ignored']);
const listQuery = z.object({
  status: runStatuses.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
const runParams = z.object({ runId: z.string().min(1).max(100) });

export function registerRunRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const html = { config: { html: true } };

  app.get('/api/companies/:id/runs', async (request) => {
    const companyId = companyIdOf(request.params);
    requireCompanyAccess(deps, request, companyId);
    const query = listQuery.parse(request.query);
    const runs = await listRuns(deps.db, companyId, {
      limit: query.limit,
      ...(query.status !== undefined && { statuses: [query.status] }),
    });
    return { runs: await withNotes(deps, companyId, runs) };
  });

  app.get('/api/companies/:id/runs/:runId', async (request) => {
    const companyId = companyIdOf(request.params);
    requireCompanyAccess(deps, request, companyId);
    const { runId } = runParams.parse(request.params);
    const run = await getRun(deps.db, companyId, runId);
    if (run === undefined) throw new HttpError(404, 'run_not_found', `Run ${runId} not found`);
    const [withNote] = await withNotes(deps, companyId, [run]);
    return { run: withNote };
  });

  app.post('/api/companies/:id/runs/:runId/replay', async (request, reply) => {
    const companyId = companyIdOf(request.params);
    requireCompanyAccess(deps, request, companyId);
    const { runId } = runParams.parse(request.params);
    const run = await replayRun(deps, companyId, runId);
    return reply.code(202).send({ run });
  });

  // The deal note's link: a page, because following a link must never change anything by itself.
  app.get('/companies/:id/runs/:runId/replay', html, async (request, reply) => {
    const companyId = companyIdOf(request.params);
    const { runId } = runParams.parse(request.params);
    requireCompanyAccess(deps, request, companyId, { purpose: 'replay', run: runId });
    const run = await getRun(deps.db, companyId, runId);
    if (run === undefined) throw new HttpError(404, 'run_not_found', `Run ${runId} not found`);
    const token = (request.query as { token?: string }).token ?? '';
    return reply.type('text/html; charset=utf-8').send(
      page(
        'Replay this sync',
        `<p>Deal ${run.dealId ?? ''}: the ${escapeHtml(run.kind)} run ended <strong>${escapeHtml(run.status)}</strong>${run.message === null ? '' : `: ${escapeHtml(run.message)}`}</p>
<form method="post"><input type="hidden" name="token" value="${escapeHtml(token)}"><button type="submit">Replay</button></form>`,
      ),
    );
  });

  app.post('/companies/:id/runs/:runId/replay', html, async (request, reply) => {
    const companyId = companyIdOf(request.params);
    const { runId } = runParams.parse(request.params);
    requireCompanyAccess(deps, request, companyId, { purpose: 'replay', run: runId });
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

async function withNotes(deps: HttpDeps, companyId: number, runs: Run[]) {
  const notes = await runNoteStates(
    deps.db,
    companyId,
    runs.map((run) => run.id),
  );
  return runs.map((run) => ({ ...run, note: notes.get(run.id) ?? null }));
}
