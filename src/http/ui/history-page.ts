import escapeHtml from 'escape-html';

import {
  type HistoryPage,
  isReplayable,
  RUN_KINDS,
  RUN_STATUSES,
  type RunWithNote,
} from '../../services/runs.js';
import { RUN_OUTCOME } from '../../sync/mapping/panels.js';
import { badge } from '../html.js';
import { confirmDialog, hiddenContext, options, type UiContext, uiHref, uiPage } from './layout.js';

/**
 * The history page (GET /ui/history): the company's runs, newest first and a page at a time, with
 * filters that stay as chosen (through paging and replays); each run's outcome as the deal panel
 * names it (a coloured label), its deal by title linked to the deal in Pipedrive, its time in the
 * reader's time zone (ui.js; UTC without a script), why it failed in the words the use case gave,
 * where its deal note stands, its request and response summaries (redacted when stored, escaped
 * here like everything else), Replay on each replayable run and "Replay all failed runs" (asked
 * first).
 */
export interface HistoryFilters {
  status: string;
  deal: string;
  kind: string;
  from: string;
  to: string;
}

export interface HistoryView {
  context: UiContext;
  filters: HistoryFilters;
  /** 1-based. */
  page: number;
  history: HistoryPage;
  notice?: string;
}

const NOTE_LABELS: Record<string, string> = {
  pending: 'Deal note: being written',
  sent: 'Deal note: written',
  dropped: 'Deal note: dropped (the deal is gone)',
  failed: 'Deal note: could not be written',
};
const KIND_LABELS: Record<string, string> = {
  invoice: 'Invoice',
  quote: 'Quote',
  contact: 'Customer',
  item: 'Product',
};

/** The filters (and page) as query values, the empty ones left out. */
export function filterQuery(filters: HistoryFilters, page = 1): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [name, value] of Object.entries(filters)) if (value !== '') query[name] = value;
  if (page > 1) query['page'] = String(page);
  return query;
}

export function renderHistoryPage(view: HistoryView): string {
  const { context, filters } = view;
  const any = { value: '', label: 'Any' };
  const statusChoices = RUN_STATUSES.map((value) => ({
    value,
    label: RUN_OUTCOME[value]?.label ?? value,
  }));
  const kindChoices = RUN_KINDS.map((value) => ({ value, label: KIND_LABELS[value] ?? value }));
  const filterForm = `<form method="get" action="/ui/history" class="card filters" data-testid="history-filters" aria-label="Filter runs">
<input type="hidden" name="company" value="${context.companyId}">
<label>Outcome <select name="status" data-testid="filter-status">${options([any, ...statusChoices], filters.status)}</select></label>
<label>What <select name="kind" data-testid="filter-kind">${options([any, ...kindChoices], filters.kind)}</select></label>
<label>Deal id <input name="deal" inputmode="numeric" size="8" value="${escapeHtml(filters.deal)}" data-testid="filter-deal"></label>
<label>From <input type="date" name="from" value="${escapeHtml(filters.from)}" data-testid="filter-from"></label>
<label>To <input type="date" name="to" value="${escapeHtml(filters.to)}" data-testid="filter-to"></label>
<button type="submit" class="primary" data-testid="filter-apply">Filter</button>
<a class="button" href="${escapeHtml(uiHref(context, '/ui/history'))}">Clear</a>
</form>`;
  const keep = keepFilters(view);
  const replayAll = `<form method="post" action="/ui/history/replay-all" class="row">${hiddenContext(context)}${keep}
<button type="submit" data-confirm="confirm-replay-all" data-testid="replay-all">Replay all failed runs</button><span class="muted">Runs each deal's latest failed sync again, once.</span></form>
${confirmDialog('confirm-replay-all', 'Replay all failed runs?', "Each deal's latest failed or waiting sync runs again now; a fixed cause makes its draft in Xero, and each deal gets a note.", 'Replay all')}`;
  const { runs } = view.history;
  const table =
    runs.length === 0
      ? '<p data-testid="history-empty">No runs match these filters.</p>'
      : `<div class="table-wrap"><table data-testid="history-table"><thead><tr><th scope="col">When</th><th scope="col">Deal</th><th scope="col">What</th><th scope="col">Outcome</th><th scope="col">Why</th><th scope="col">Request / response</th><th scope="col"><span class="skip">Actions</span></th></tr></thead>
<tbody>${runs.map((run) => runRow(view, run, keep)).join('\n')}</tbody></table></div>`;
  const notice =
    view.notice === undefined
      ? ''
      : `<p class="notice" role="status" data-testid="history-notice">${escapeHtml(view.notice)}</p>`;
  return uiPage(
    'History',
    context,
    `${notice}${filterForm}<div class="card">${replayAll}${table}${pager(view)}</div>`,
    'history',
  );
}

/** The current filters and page as hidden fields, so a replay returns to the same view. */
function keepFilters(view: HistoryView): string {
  return Object.entries(filterQuery(view.filters, view.page))
    .map(
      ([name, value]) =>
        `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`,
    )
    .join('');
}

function pager(view: HistoryView): string {
  const { context, filters, page } = view;
  if (page === 1 && !view.history.hasMore) return '';
  const link = (to: number, label: string, rel: string) =>
    `<a class="button" rel="${rel}" href="${escapeHtml(uiHref(context, '/ui/history', filterQuery(filters, to)))}" data-testid="page-${rel}">${label}</a>`;
  return `<nav class="pager" aria-label="Pages of runs">${page > 1 ? link(page - 1, '← Newer', 'prev') : '<span></span>'}<span class="muted">Page ${page}</span>${view.history.hasMore ? link(page + 1, 'Older →', 'next') : '<span></span>'}</nav>`;
}

function runRow(view: HistoryView, run: RunWithNote, keep: string): string {
  const { context } = view;
  const { note } = run;
  const outcome = RUN_OUTCOME[run.status] ?? { color: 'grey' as const, label: run.status };
  const why =
    run.reasonCode === null && run.message === null
      ? ''
      : `${escapeHtml(run.message ?? '')}${run.reasonCode === null ? '' : ` <small>(${escapeHtml(run.reasonCode)})</small>`}`;
  const replay = isReplayable(run)
    ? `<form method="post" action="/ui/history/replay">${hiddenContext(context)}${keep}<input type="hidden" name="runId" value="${escapeHtml(run.id)}"><button type="submit" data-testid="replay-${escapeHtml(run.id)}" aria-label="Replay run of deal ${run.dealId ?? ''}">Replay</button></form>`
    : '';
  const deal = run.dealId === null ? undefined : view.history.deals.get(run.dealId);
  const dealCell =
    run.dealId === null
      ? ''
      : deal === undefined
        ? `Deal ${run.dealId}`
        : `<a href="${escapeHtml(deal.url)}" target="_blank" rel="noopener" data-testid="deal-link-${run.dealId}">${escapeHtml(deal.title)}</a><br><small>Deal ${run.dealId}</small>`;
  const iso = run.createdAt.toISOString();
  return `<tr data-testid="run-${escapeHtml(run.id)}" data-status="${escapeHtml(run.status)}">
<td><time datetime="${iso}" data-local-time>${escapeHtml(iso.replace('T', ' ').slice(0, 16))} UTC</time></td>
<td>${dealCell}</td><td>${escapeHtml(KIND_LABELS[run.kind] ?? run.kind)}</td>
<td>${badge(outcome, `status-${run.id}`)}${run.replayOf === null ? '' : ' <small>(a replay)</small>'}${note === null ? '' : `<br><small data-testid="note-${escapeHtml(run.id)}" data-note="${note}">${escapeHtml(NOTE_LABELS[note] ?? note)}</small>`}</td>
<td>${why}</td>
<td>${summary('Request', run.requestSummary)}${summary('Response', run.responseSummary)}</td>
<td>${replay}</td></tr>`;
}

function summary(label: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  return `<details><summary>${label}</summary><pre>${escapeHtml(JSON.stringify(value, null, 2))}</pre></details>`;
}
