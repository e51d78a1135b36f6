import { sql } from 'kysely';

import { type Db, dialectOf, fromDbTime, toDbTime } from '../store/db.js';
import {
  type CatchUpResult,
  type CatchUpState,
  getCatchUpState,
  type WebhookHealth,
} from '../store/repos/catch-up-state.js';
import { listRuns, type Run } from '../store/repos/runs.js';

// What the settings page renders of it, named here: routes import services only.
export type { CatchUpResult, WebhookHealth };

/**
 * What `GET /api/status`, `pipedrive-xero status` and the settings page show: each company's
 * connections (the Pipedrive grant, the Xero organisation, and whether either needs the user to
 * authorise again), its Pipedrive webhook's health and last catch-up, the queue's job counts, and
 * the latest runs. Secrets are never read.
 */
export interface CompanyStatus {
  id: number;
  domain: string;
  pipedrive: { status: string } | null;
  xero: { tenantId: string; tenantName: string; status: string; needsReauth: boolean } | null;
  /** Null until the first check (services/catch-up.ts). */
  catchUp: Omit<CatchUpState, 'companyId'> | null;
  lastRuns: Pick<
    Run,
    'id' | 'dealId' | 'kind' | 'status' | 'reasonCode' | 'message' | 'updatedAt'
  >[];
}

export interface StatusReport {
  /** pending: due now; scheduled: waiting for a later time (retries, the periodic catch-ups). */
  queue: Record<'pending' | 'scheduled' | 'running' | 'failed', number>;
  companies: CompanyStatus[];
}

export async function statusReport(
  db: Db,
  options: { companyId?: number; runs?: number; queueOnly?: boolean; now?: Date } = {},
): Promise<StatusReport> {
  let companies = db.selectFrom('companies').select(['id', 'domain']).orderBy('id');
  if (options.companyId !== undefined) companies = companies.where('id', '=', options.companyId);
  const rows = options.queueOnly ? [] : await companies.execute();
  return {
    queue: await queueCounts(db, options.now ?? new Date(), options.companyId),
    companies: await Promise.all(rows.map((row) => companyStatus(db, row, options.runs ?? 5))),
  };
}

type QueueCounts = StatusReport['queue'];

/**
 * When the longest-waiting job due now became due (null: none waits): how far behind the workers
 * are (the queue's age in /metrics).
 */
export async function oldestDueJobAt(db: Db, now: Date): Promise<Date | null> {
  const nowText = toDbTime(now);
  if (dialectOf(db) === 'postgres') {
    try {
      const { rows } = await sql<{ oldest: Date | string | null }>`
        select min(run_at) as oldest from graphile_worker.jobs
        where ${waiting} and run_at <= ${nowText}::timestamptz`.execute(db);
      const oldest = rows[0]?.oldest ?? null;
      return oldest === null ? null : new Date(oldest);
    } catch {
      return null; // no graphile-worker schema yet: no jobs yet
    }
  }
  const row = await db
    .selectFrom('jobs')
    .select((eb) => eb.fn.min('run_at').as('oldest'))
    .where('status', '=', 'pending')
    .where('run_at', '<=', nowText)
    .executeTakeFirst();
  return row?.oldest == null ? null : fromDbTime(row.oldest);
}

/**
 * Embedded mode: the store's jobs table; PostgreSQL: graphile-worker's jobs table (`_private_jobs`,
 * as queue/graphile.ts uses it: the public `jobs` view has no payload). With a company, only its
 * jobs (every job's payload names its `companyId`, queue/jobs.ts): one company's status never shows
 * another's work.
 */
export async function queueCounts(db: Db, now: Date, companyId?: number): Promise<QueueCounts> {
  const counts = { pending: 0, scheduled: 0, running: 0, failed: 0 };
  const nowText = toDbTime(now);
  if (dialectOf(db) === 'postgres') {
    try {
      const { rows } = await sql<Record<keyof QueueCounts, string>>`
        select count(*) filter (where ${waiting} and run_at <= ${nowText}::timestamptz) as pending,
               count(*) filter (where ${waiting} and run_at > ${nowText}::timestamptz) as scheduled,
               count(*) filter (where locked_at is not null) as running,
               count(*) filter (where locked_at is null and attempts >= max_attempts) as failed
        from graphile_worker._private_jobs
        where ${companyId === undefined ? sql`true` : sql`(payload->>'companyId')::bigint = ${companyId}`}`.execute(
        db,
      );
      const [row] = rows;
      if (row !== undefined) {
        return {
          pending: Number(row.pending),
          scheduled: Number(row.scheduled),
          running: Number(row.running),
          failed: Number(row.failed),
        };
      }
    } catch {
      // graphile-worker's schema is made on first use: no schema yet means no jobs yet.
    }
    return counts;
  }
  let jobsQuery = db.selectFrom('jobs');
  if (companyId !== undefined)
    jobsQuery = jobsQuery.where(sql<number>`json_extract(payload, '$.companyId')`, '=', companyId);
  const jobs = await jobsQuery
    .select((eb) => [
      eb
        .case()
        .when(eb.and([eb('status', '=', 'pending'), eb('run_at', '>', nowText)]))
        .then('scheduled')
        .else(eb.ref('status'))
        .end()
        .as('state'),
      eb.fn.countAll<string | number>().as('count'),
    ])
    .groupBy('state')
    .execute();
  for (const row of jobs) counts[row.state as keyof QueueCounts] = Number(row.count);
  return counts;
}

const waiting = sql`locked_at is null and attempts < max_attempts`;

async function companyStatus(
  db: Db,
  company: { id: number; domain: string },
  runs: number,
): Promise<CompanyStatus> {
  const [pipedrive, xero, catchUp, lastRuns] = await Promise.all([
    db
      .selectFrom('pipedrive_connections')
      .select('status')
      .where('company_id', '=', company.id)
      .orderBy('updated_at', 'desc')
      .executeTakeFirst(),
    db
      .selectFrom('xero_connections')
      .select(['tenant_id', 'tenant_name', 'status'])
      .where('company_id', '=', company.id)
      .executeTakeFirst(),
    getCatchUpState(db, company.id),
    listRuns(db, company.id, { limit: runs }),
  ]);
  return {
    id: company.id,
    domain: company.domain,
    pipedrive: pipedrive === undefined ? null : { status: pipedrive.status },
    xero:
      xero === undefined
        ? null
        : {
            tenantId: xero.tenant_id,
            tenantName: xero.tenant_name,
            status: xero.status,
            needsReauth: xero.status === 'needs_reauth',
          },
    catchUp:
      catchUp === undefined
        ? null
        : { checkedUntil: catchUp.checkedUntil, webhook: catchUp.webhook, last: catchUp.last },
    lastRuns: lastRuns.map(({ id, dealId, kind, status, reasonCode, message, updatedAt }) => ({
      id,
      dealId,
      kind,
      status,
      reasonCode,
      message,
      updatedAt,
    })),
  };
}

/** One line on the webhook's health, for the CLI and the settings page. */
export function describeWebhookHealth(health: WebhookHealth | null): string {
  if (health === null) return 'not checked yet';
  const checked = `checked ${health.checkedAt.toISOString()}`;
  if (health.status === 'failing') return `FAILING: ${health.reason ?? 'unknown'} (${checked})`;
  const delivery =
    health.lastDeliveryAt === null
      ? 'no delivery yet'
      : `last delivery ${health.lastDeliveryAt.toISOString()} answered ${health.lastHttpStatus ?? 'nothing'}`;
  const remade =
    health.recreatedAt === null
      ? ''
      : `; made again ${health.recreatedAt.toISOString()}${health.status === 're-created' ? ` because ${health.reason ?? 'it was not working'}` : ''}`;
  return `${health.status === 'ok' ? 'ok' : 're-created'}, ${delivery} (${checked})${remade}`;
}

/** One line on the last catch-up, for the CLI and the settings page. */
export function describeCatchUp(last: CatchUpResult | null): string {
  if (last === null) return 'not run yet';
  const counts = `${last.dealsExamined} deals examined, ${last.runsStarted} missed runs started`;
  if (last.status === 'failed')
    return `FAILED at ${last.at.toISOString()}: ${last.error ?? 'unknown'} (${counts})`;
  return `${last.at.toISOString()}: ${counts}`;
}
