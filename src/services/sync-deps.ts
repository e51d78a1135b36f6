import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { JobQueue } from '../queue/port.js';
import type { SecretBox } from '../secrets.js';
import type { Db } from '../store/db.js';
import { getCompany } from '../store/repos/companies.js';
import { getXeroConnection } from '../store/repos/xero-connections.js';
import type { AppLinks, SyncDeps } from '../sync/ports.js';
import { parseSettings } from '../sync/settings.js';
import type { Connections } from './connections.js';
import { queueDealNotes } from './deal-notes.js';

export interface SyncDepsContext {
  db: Db;
  box: SecretBox;
  clock: Clock;
  logger: Logger;
  connections: Connections;
  links: AppLinks;
  /** Takes the deal notes the use cases commit to the outbox. */
  queue: JobQueue;
}

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
  const company = await getCompany(db, companyId);
  if (company === undefined) {
    throw new AppError('company_not_found', `Company ${companyId} has not installed the app`);
  }
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
  };
}
