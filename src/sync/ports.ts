import type { Clock } from '../clock.js';
import type { ErrorCode } from '../errors/catalogue.js';
import type { Logger } from '../logger.js';
import type { PipedriveClient } from '../pipedrive/client.js';
import type { JobState } from '../queue/port.js';
import type { Db } from '../store/db.js';
import type { RunStatus } from '../store/tables.js';
import type { XeroClient } from '../xero/client.js';
import type { XeroTenantRef } from '../xero/types.js';
import type { DealReadAhead } from './deal-read-ahead.js';
import type { DocumentBatcher } from './document-batch.js';
import type { DocumentKind } from './document-kinds.js';
import type { OrgReferenceCache } from './org-reference-cache.js';
import type { Settings } from './settings.js';

/**
 * What the use cases need, built per company by the composition root (app.ts): the store, the clock,
 * both clients already bound to the company's connections, the company with its parsed settings,
 * its connected Xero organisation, and how to write links to the app, Pipedrive and Xero.
 */
export interface SyncDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  pipedrive: PipedriveClient;
  xero: XeroClient;
  company: { id: number; domain: string; settings: Settings };
  tenant: { companyId: number; tenantId: string; tenantName: string; shortCode: string | null };
  links: AppLinks;
  /**
   * How long work this process claims (a creation lock) stays claimed if the process dies: config
   * QUEUE_LEASE_MS; 60 s when absent.
   */
  leaseMs?: number;
  /** Where a deal note goes once it is committed to the outbox (its delivery job). */
  notes: DealNoteDispatcher;
  /**
   * Xero reference data (organisation, tax rates, accounts, currencies, items, verified contacts)
   * kept per tenant for a short time. Default: one cache shared by the whole process
   * (`processOrgReferenceCache`), so every job of a tenant reuses it; tests pass their own.
   */
  orgReference?: OrgReferenceCache;
  /**
   * Lines, products and customers read ahead for the company's queued document runs
   * (deal-read-ahead.ts). Default:
   * one shared by the whole process (`processDealReadAhead`); tests pass their own.
   */
  dealReadAhead?: DealReadAhead;
  /**
   * Creates the documents of runs working at the same time in one request (document-batch.ts).
   * Default: one shared by the whole process (`processDocumentBatcher`); tests pass their own.
   */
  documentBatcher?: DocumentBatcher;
  /**
   * What the queue will still do with a job (queue/port.ts): a document run found running under
   * another job asks it. Absent (a use case called directly): that job is taken to be alive.
   */
  jobState?: (jobId: string) => Promise<JobState>;
}

export interface AppLinks {
  dealUrl(domain: string, dealId: number): string;
  replayUrl(companyId: number, runId: string): string;
  xeroDocumentUrl(shortCode: string | null, kind: DocumentKind, id: string): string;
  /** The contact in Xero's web app; undefined without the organisation's ShortCode. */
  xeroContactUrl(shortCode: string | null, contactId: string): string | undefined;
}

/**
 * Hands a note committed to the outbox (store/repos/deal-notes.ts) to its delivery: the app enqueues
 * a `deal-note` job. A hand-over lost to a crash is made up by the sweep (services/deal-notes.ts).
 */
export interface DealNoteDispatcher {
  dispatch(companyId: number, noteId: string): Promise<void>;
}

export interface DocumentJob {
  runId: string;
  dealId: number;
  triggerKey: string;
  kind: DocumentKind;
  /**
   * The queue's id of this job. A job that finds its run running under another job's id is a
   * second job for the same run (a duplicate webhook enqueued it while the first was running): it
   * leaves the run to the job that owns it (migration 0011) while that job will run again, and
   * takes it over once it will not (SyncDeps.jobState). Absent (a use case called directly): the
   * caller owns the run.
   */
  jobId?: string;
}

/** How a run ended, as the queue handler sees it (retryable failures are thrown instead). */
export type RunOutcome =
  | {
      status: 'succeeded';
      documentId: string;
      number: string | null;
      total: string;
      reused: boolean;
    }
  | { status: 'waiting_fix'; code: RunCode; message: string }
  | { status: 'ignored'; code: RunCode; message: string };

/** Why a run ended: its reason code, or its status when it has none. */
export type RunCode = ErrorCode | RunStatus;

/** The Xero client's tenant reference for this company (its token store is keyed by company id). */
export function xeroRef(deps: Pick<SyncDeps, 'tenant'>): XeroTenantRef {
  return { companyId: String(deps.tenant.companyId), tenantId: deps.tenant.tenantId };
}
