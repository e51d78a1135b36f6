import { sql } from 'kysely';

import { type Db, dialectOf } from '../store/db.js';
import { listRuns, type Run } from '../store/repos/runs.js';

/**
 * What `GET /api/status` and `pipedrive-xero status` show: each company's connections (the
 * Pipedrive grant, the Xero organisation, and whether either needs the user to authorise again),
 * the embedded queue's job counts, and the latest runs. Secrets are never read.
 */
export interface CompanyStatus {
  id: number;
  domain: string;
  pipedrive: { status: string } | null;
  xero: { tenantId: string; tenantName: string; status: string; needsReauth: boolean } | null;
  lastRuns: Pick<
    Run,
    'id' | 'dealId' | 'kind' | 'status' | 'reasonCode' | 'message' | 'updatedAt'
  >[];
}

export interface StatusReport {
  queue: Record<'pending' | 'running' | 'failed', number>;
  companies: CompanyStatus[];
}

export async function statusReport(
  db: Db,
  options: { companyId?: number; runs?: number; queueOnly?: boolean } = {},
): Promise<StatusReport> {
  let companies = db.selectFrom('companies').select(['id', 'domain']).orderBy('id');
  if (options.companyId !== undefined) companies = companies.where('id', '=', options.companyId);
  const rows = options.queueOnly ? [] : await companies.execute();
  return {
    queue: await queueCounts(db),
    companies: await Promise.all(rows.map((row) => companyStatus(db, row, options.runs ?? 5))),
  };
}

type QueueCounts = StatusReport['queue'];

/** Embedded mode: the store's jobs table; PostgreSQL: graphile-worker's `jobs` view. */
async function queueCounts(db: Db): Promise<QueueCounts> {
  const counts = { pending: 0, running: 0, failed: 0 };
  if (dialectOf(db) === 'postgres') {
    try {
      const { rows } = await sql<Record<keyof QueueCounts, string>>`
        select count(*) filter (where locked_at is null and attempts < max_attempts) as pending,
               count(*) filter (where locked_at is not null) as running,
               count(*) filter (where locked_at is null and attempts >= max_attempts) as failed
        from graphile_worker.jobs`.execute(db);
      const [row] = rows;
      if (row !== undefined) {
        return {
          pending: Number(row.pending),
          running: Number(row.running),
          failed: Number(row.failed),
        };
      }
    } catch {
      // graphile-worker's schema is made on first use: no schema yet means no jobs yet.
    }
    return counts;
  }
  const jobs = await db
    .selectFrom('jobs')
    .select(['status', (eb) => eb.fn.countAll<string | number>().as('count')])
    .groupBy('status')
    .execute();
  for (const row of jobs) counts[row.status] = Number(row.count);
  return counts;
}

async function companyStatus(
  db: Db,
  company: { id: number; domain: string },
  runs: number,
): Promise<CompanyStatus> {
  const [pipedrive, xero, lastRuns] = await Promise.all([
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
