import escapeHtml from 'escape-html';

import { isReplayable, RUN_KINDS, RUN_STATUSES, type RunWithNote } from '../../services/runs.js';
import { hiddenContext, options, type UiContext, uiPage } from './layout.js';

/**
 * The history page (GET /ui/history): the company's runs with filters, each run's request and
 * response summaries (redacted when stored, escaped here like everything else), why a run failed in
 * the words the use case gave, where its deal note stands, Replay on each replayable run and
 * "Replay all failed runs".
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
  /** Each with its deal note, for the runs that leave one. */
  runs: RunWithNote[];
  notice?: string;
}

export function renderHistoryPage(view: HistoryView): string {
  const { context, filters } = view;
  const any = { value: '', label: 'any' };
  const filterForm = `<form method="get" action="/ui/history" data-testid="history-filters">
<input type="hidden" name="company" value="${context.companyId}">
<label>Status <select name="status" data-testid="filter-status">${options([any, ...RUN_STATUSES.map((value) => ({ value, label: value }))], filters.status)}</select></label>
<label>Kind <select name="kind" data-testid="filter-kind">${options([any, ...RUN_KINDS.map((value) => ({ value, label: value }))], filters.kind)}</select></label>
<label>Deal <input name="deal" inputmode="numeric" value="${escapeHtml(filters.deal)}" data-testid="filter-deal"></label>
<label>From <input type="date" name="from" value="${escapeHtml(filters.from)}" data-testid="filter-from"></label>
<label>To <input type="date" name="to" value="${escapeHtml(filters.to)}" data-testid="filter-to"></label>
<button type="submit" data-testid="filter-apply">Filter</button>
</form>`;
  const replayAll = `<form method="post" action="/ui/history/replay-all">${hiddenContext(context)}
<button type="submit" data-testid="replay-all">Replay all failed runs</button></form>`;
  const rows = view.runs.map((run) => runRow(context, run)).join('\n');
  const table =
    view.runs.length === 0
      ? '<p data-testid="history-empty">No runs match.</p>'
      : `<table data-testid="history-table"><thead><tr><th scope="col">When</th><th scope="col">Deal</th><th scope="col">Kind</th><th scope="col">Status</th><th scope="col">Why</th><th scope="col">Request / response</th><th scope="col"></th></tr></thead>
<tbody>${rows}</tbody></table>`;
  const notice =
    view.notice === undefined
      ? ''
      : `<p class="notice" role="status" data-testid="history-notice">${escapeHtml(view.notice)}</p>`;
  return uiPage('History', context, `${notice}${filterForm}${replayAll}${table}`);
}

function runRow(context: UiContext, run: RunWithNote): string {
  const { note } = run;
  const why =
    run.reasonCode === null && run.message === null
      ? ''
      : `${escapeHtml(run.message ?? '')}${run.reasonCode === null ? '' : ` <small>(${escapeHtml(run.reasonCode)})</small>`}`;
  const replay = isReplayable(run)
    ? `<form method="post" action="/ui/history/replay">${hiddenContext(context)}<input type="hidden" name="runId" value="${escapeHtml(run.id)}"><button type="submit" data-testid="replay-${escapeHtml(run.id)}">Replay</button></form>`
    : '';
  return `<tr data-testid="run-${escapeHtml(run.id)}" data-status="${escapeHtml(run.status)}">
<td>${escapeHtml(run.createdAt.toISOString().replace('T', ' ').slice(0, 19))}</td>
<td>${run.dealId ?? ''}</td><td>${escapeHtml(run.kind)}</td><td>${escapeHtml(run.status)}${run.replayOf === null ? '' : ' <small>(replay)</small>'}${note === null ? '' : `<br><small data-testid="note-${escapeHtml(run.id)}">note: ${note}</small>`}</td>
<td>${why}</td>
<td>${summary('Request', run.requestSummary)}${summary('Response', run.responseSummary)}</td>
<td>${replay}</td></tr>`;
}

function summary(label: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  return `<details><summary>${label}</summary><pre>${escapeHtml(JSON.stringify(value, null, 2))}</pre></details>`;
}
