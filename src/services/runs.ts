import { AppError } from '../errors.js';
import { type RunNoteState, runNoteStates } from '../store/repos/deal-notes.js';
import { getRun, listRuns, type Run, type RunFilter } from '../store/repos/runs.js';
import { RUN_KINDS, RUN_STATUSES } from '../store/tables.js';
import { isReplayable } from '../sync/usecases/replay.js';
import { requireCompany } from './company.js';
import type { AppContext } from './context.js';
import { replayRun } from './document-runs.js';

// What the API and the history page filter and render by, named here: routes import services only.
export type { Run, RunFilter, RunNoteState };
export { isReplayable, RUN_KINDS, RUN_STATUSES };

/**
 * A company's runs as the API and the history page show them: each with where its deal note
 * stands (pending | sent | dropped | failed; null for runs that leave none), and replay of the
 * failed ones (document-runs.ts, as the deal note's link and the panel do).
 */
export interface RunWithNote extends Run {
  note: RunNoteState | null;
}

export async function listCompanyRuns(
  deps: Pick<AppContext, 'db'>,
  companyId: number,
  filter: RunFilter,
): Promise<RunWithNote[]> {
  return withNotes(deps, companyId, await listRuns(deps.db, companyId, filter));
}

/** One run of the company, or `run_not_found`. */
export async function companyRun(
  deps: Pick<AppContext, 'db'>,
  companyId: number,
  runId: string,
): Promise<RunWithNote> {
  const run = await getRun(deps.db, companyId, runId);
  if (run === undefined) throw new AppError('run_not_found', `Run ${runId} not found`);
  const [withNote] = await withNotes(deps, companyId, [run]);
  return withNote!;
}

/**
 * After a fix: the latest failed run of each deal trigger, replayed once (older ones would redo the
 * same); how many were queued. Looks at the latest `limit` failed runs.
 */
export async function replayFailedRuns(
  deps: Pick<AppContext, 'db' | 'clock' | 'queue'>,
  companyId: number,
  limit: number,
): Promise<number> {
  const failed = await listRuns(deps.db, companyId, {
    statuses: ['failed', 'waiting_fix'],
    limit,
  });
  const seen = new Set<string>();
  let queued = 0;
  for (const run of failed.filter(isReplayable)) {
    const key = `${run.dealId}:${run.triggerKey}`;
    if (seen.has(key)) continue;
    seen.add(key);
    await replayRun(deps, companyId, run.id);
    queued += 1;
  }
  return queued;
}

async function withNotes(
  deps: Pick<AppContext, 'db'>,
  companyId: number,
  runs: Run[],
): Promise<RunWithNote[]> {
  const notes = await runNoteStates(
    deps.db,
    companyId,
    runs.map((run) => run.id),
  );
  return runs.map((run) => ({ ...run, note: notes.get(run.id) ?? null }));
}

/** One page of the history: its runs, whether more follow, and each deal's title and link. */
export interface HistoryPage {
  runs: RunWithNote[];
  hasMore: boolean;
  /** Deal id → its title and its page in Pipedrive; a deal Pipedrive no longer has is absent. */
  deals: Map<number, { title: string; url: string }>;
}

/**
 * The history page's runs (`size` of them from `offset`) with their deals' titles, read from
 * Pipedrive in one call per page. When Pipedrive cannot be read the page still shows, with deal ids.
 */
export async function historyPage(
  deps: Pick<AppContext, 'db' | 'connections' | 'links' | 'logger'>,
  companyId: number,
  filter: RunFilter,
  page: { offset: number; size: number },
): Promise<HistoryPage> {
  const listed = await listCompanyRuns(deps, companyId, {
    ...filter,
    offset: page.offset,
    limit: page.size + 1,
  });
  const runs = listed.slice(0, page.size);
  const ids = [...new Set(runs.flatMap((run) => (run.dealId === null ? [] : [run.dealId])))];
  const deals = new Map<number, { title: string; url: string }>();
  if (ids.length > 0) {
    try {
      const { domain } = await requireCompany(deps.db, companyId);
      const client = await deps.connections.pipedriveFor(companyId);
      for (const deal of await client.listDealsById(ids))
        deals.set(deal.id, { title: deal.title, url: deps.links.dealUrl(domain, deal.id) });
    } catch (error) {
      deps.logger.warn({ err: error, companyId }, 'history: deal titles not read');
    }
  }
  return { runs, hasMore: listed.length > page.size, deals };
}
