import { randomUUID } from 'node:crypto';

import type { ErrorCode } from '../../errors/catalogue.js';
import { DOCUMENT_KINDS } from '../../sync/document-kinds.js';
import { type Db, fromDbTime, toDbTime } from '../db.js';
import type { RunKind, RunRow, RunStatus } from '../tables.js';

/** One attempt to sync something for a company: what the deal's history and replay are made of. */
export interface Run {
  id: string;
  companyId: number;
  dealId: number | null;
  triggerKey: string | null;
  kind: RunKind;
  status: RunStatus;
  attempt: number;
  reasonCode: ErrorCode | null;
  message: string | null;
  requestSummary: unknown;
  responseSummary: unknown;
  replayOf: string | null;
  /** The queue job that moved it to running; null until one did. */
  jobId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewRun {
  /** A new UUID by default; given when the caller must name the run before making it. */
  id?: string;
  companyId: number;
  kind: RunKind;
  dealId?: number;
  triggerKey?: string;
  status?: RunStatus;
  attempt?: number;
  replayOf?: string;
}

export interface RunPatch {
  status?: RunStatus;
  attempt?: number;
  jobId?: string | null;
  reasonCode?: ErrorCode | null;
  message?: string | null;
  requestSummary?: unknown;
  responseSummary?: unknown;
}

// Defence in depth for invariant 6: callers redact, and this catches what they miss.
const SECRET_KEY = /token|secret|password|authorization|api[-_]?key|cookie/i;

/** A deep copy of `value` with the values of secret-looking keys replaced. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key,
        SECRET_KEY.test(key) ? '[redacted]' : redactSecrets(inner),
      ]),
    );
  }
  return value;
}

const toJson = (value: unknown): string | null =>
  value === undefined || value === null ? null : JSON.stringify(redactSecrets(value));
const fromJson = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

function rowToRun(row: RunRow): Run {
  return {
    id: row.id,
    companyId: row.company_id,
    dealId: row.deal_id,
    triggerKey: row.trigger_key,
    kind: row.kind,
    status: row.status,
    attempt: row.attempt,
    reasonCode: row.reason_code,
    message: row.message,
    requestSummary: fromJson(row.request_summary),
    responseSummary: fromJson(row.response_summary),
    replayOf: row.replay_of,
    jobId: row.job_id,
    createdAt: fromDbTime(row.created_at),
    updatedAt: fromDbTime(row.updated_at),
  };
}

export async function createRun(db: Db, input: NewRun, at: Date): Promise<Run> {
  const row = await db
    .insertInto('runs')
    .values({
      id: input.id ?? randomUUID(),
      company_id: input.companyId,
      deal_id: input.dealId ?? null,
      trigger_key: input.triggerKey ?? null,
      kind: input.kind,
      status: input.status ?? 'queued',
      attempt: input.attempt ?? 1,
      replay_of: input.replayOf ?? null,
      created_at: toDbTime(at),
      updated_at: toDbTime(at),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return rowToRun(row);
}

/**
 * Applies `patch` to the company's run (undefined if it is not the company's); with `ifStatus`
 * (and `ifJobId`), only while the run still has that status (and job): a compare-and-set, so two
 * jobs starting or taking over the same run cannot both win. Undefined when nothing matched.
 */
export async function updateRun(
  db: Db,
  companyId: number,
  runId: string,
  patch: RunPatch,
  at: Date,
  condition: { ifStatus?: RunStatus; ifJobId?: string | null } = {},
): Promise<Run | undefined> {
  let update = db
    .updateTable('runs')
    .set({
      updated_at: toDbTime(at),
      ...(patch.status !== undefined && { status: patch.status }),
      ...(patch.attempt !== undefined && { attempt: patch.attempt }),
      ...(patch.jobId !== undefined && { job_id: patch.jobId }),
      ...(patch.reasonCode !== undefined && { reason_code: patch.reasonCode }),
      ...(patch.message !== undefined && { message: patch.message }),
      ...(patch.requestSummary !== undefined && { request_summary: toJson(patch.requestSummary) }),
      ...(patch.responseSummary !== undefined && {
        response_summary: toJson(patch.responseSummary),
      }),
    })
    .where('company_id', '=', companyId)
    .where('id', '=', runId);
  if (condition.ifStatus !== undefined) update = update.where('status', '=', condition.ifStatus);
  const { ifJobId } = condition;
  if (ifJobId === null) update = update.where('job_id', 'is', null);
  else if (ifJobId !== undefined) update = update.where('job_id', '=', ifJobId);
  const row = await update.returningAll().executeTakeFirst();
  return row === undefined ? undefined : rowToRun(row);
}

export async function getRun(db: Db, companyId: number, runId: string): Promise<Run | undefined> {
  const row = await db
    .selectFrom('runs')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('id', '=', runId)
    .executeTakeFirst();
  return row === undefined ? undefined : rowToRun(row);
}

/**
 * The company a run belongs to, for the operator's `replay <run>`, which names a run only. The one
 * read of runs not scoped by company: the CLI acts for whoever runs the process.
 */
export async function findRunCompany(db: Db, runId: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('runs')
    .select('company_id')
    .where('id', '=', runId)
    .executeTakeFirst();
  return row?.company_id;
}

/** The deal's history, newest first. */
export async function listRunsForDeal(
  db: Db,
  companyId: number,
  dealId: number,
  limit = 50,
): Promise<Run[]> {
  const rows = await db
    .selectFrom('runs')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('deal_id', '=', dealId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(rowToRun);
}

/** Which of a company's runs to list; 50 by default. */
export interface RunFilter {
  statuses?: RunStatus[];
  limit?: number;
  /** Runs to skip first (the history page's paging). */
  offset?: number;
  dealId?: number;
  kinds?: RunKind[];
  /** Created at or after / before these moments (the history page's date filter). */
  from?: Date;
  to?: Date;
}

/** The company's runs, newest first, optionally of some statuses (the history page, replay). */
export async function listRuns(db: Db, companyId: number, options: RunFilter = {}): Promise<Run[]> {
  let query = db.selectFrom('runs').selectAll().where('company_id', '=', companyId);
  if (options.statuses !== undefined && options.statuses.length > 0) {
    query = query.where('status', 'in', options.statuses);
  }
  if (options.dealId !== undefined) query = query.where('deal_id', '=', options.dealId);
  if (options.kinds !== undefined && options.kinds.length > 0) {
    query = query.where('kind', 'in', options.kinds);
  }
  if (options.from !== undefined) query = query.where('created_at', '>=', toDbTime(options.from));
  if (options.to !== undefined) query = query.where('created_at', '<', toDbTime(options.to));
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(options.limit ?? 50)
    .offset(options.offset ?? 0)
    .execute();
  return rows.map(rowToRun);
}

/**
 * How many of the company's runs queued before `before` are still queued, counted up to `cap`: a
 * new run's turn (sync/usecases/start-trigger-run.ts). Counted by creation time, not all queued
 * runs, so runs made at the same moment (a burst of webhooks) get turns in order rather than all
 * the backlog's size. A range of the (company_id, status, created_at) index, `cap` entries at most.
 */
export async function countQueuedRunsBefore(
  db: Db,
  companyId: number,
  before: Date,
  cap: number,
): Promise<number> {
  const row = await db
    .selectFrom((qb) =>
      qb
        .selectFrom('runs')
        .select('id')
        .where('company_id', '=', companyId)
        .where('status', '=', 'queued')
        .where('created_at', '<', toDbTime(before))
        .limit(cap)
        .as('queued'),
    )
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

/**
 * The deals of the company's document runs still queued, oldest first: what its queue takes next
 * (sync/deal-read-ahead.ts reads what their documents are made from ahead).
 */
export async function listQueuedDocumentDeals(
  db: Db,
  companyId: number,
  limit: number,
): Promise<number[]> {
  const rows = await db
    .selectFrom('runs')
    .select('deal_id')
    .where('company_id', '=', companyId)
    .where('status', '=', 'queued')
    .where('kind', 'in', [...DOCUMENT_KINDS])
    .where('deal_id', 'is not', null)
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return [...new Set(rows.map((row) => row.deal_id!))];
}
