import { AppError } from '../errors.js';
import { getXeroConnection } from '../store/repos/xero-connections.js';
import type { SyncDeps } from '../sync/ports.js';
import { parseSettings } from '../sync/settings.js';
import { requireCompany } from './company.js';
import type { AppContext } from './context.js';
import { queueDealNotes } from './deal-notes.js';

/** The queue takes the deal notes the use cases commit to the outbox; `queueLeaseMs` is SyncDeps.leaseMs. */
export type SyncDepsContext = Pick<
  AppContext,
  'db' | 'box' | 'clock' | 'logger' | 'connections' | 'links' | 'queue'
> &
  Partial<Pick<AppContext, 'queueLeaseMs'>>;

/**
 * The use cases' deps for one company, built fresh per job so a changed setting or a reconnected
 * organisation is seen by the next job. The clients are the process's (shared limiter and token
 * managers); only the company, its settings and its tenant are per job.
 */
export async function buildSyncDeps(
  context: SyncDepsContext,
  companyId: number,
): Promise<SyncDeps> {
  const { db, box, clock, logger, connections, links, queue } = context;
  const company = await requireCompany(db, companyId);
  const parsed = parseSettings(company.settings);
  if (!parsed.ok) {
    throw new AppError(
      'settings_invalid',
      `Settings of company ${companyId} are invalid: ${parsed.errors.join('; ')}`,
    );
  }
  const xero = await getXeroConnection(db, box, companyId);
  if (xero === undefined) {
    throw new AppError(
      'xero_not_connected',
      `Company ${companyId} has no Xero organisation connected`,
    );
  }
  return {
    db,
    clock,
    logger: logger.child({ companyId }),
    pipedrive: await connections.pipedriveFor(companyId),
    xero: connections.xero,
    company: { id: company.id, domain: company.domain, settings: parsed.settings },
    tenant: {
      companyId,
      tenantId: xero.tenantId,
      tenantName: xero.tenantName,
      shortCode: xero.shortCode,
    },
    links,
    notes: queueDealNotes(queue),
    jobState: (jobId) => queue.jobState(jobId),
    ...(context.queueLeaseMs !== undefined && { leaseMs: context.queueLeaseMs }),
  };
}
