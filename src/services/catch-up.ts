import type { PipedriveClient } from '../pipedrive/client.js';
import type { JobQueue } from '../queue/port.js';
import {
  type CatchUpResult,
  finishCatchUp,
  getCatchUpState,
  listCatchUpTimes,
  recordWebhookHealth,
  renewCatchUpLease,
  takeCatchUpLease,
  type WebhookHealth,
} from '../store/repos/catch-up-state.js';
import { type Company, getCompany, getWebhookCredentials } from '../store/repos/companies.js';
import { pruneInboxEvents } from '../store/repos/inbox.js';
import { parseSettings } from '../sync/settings.js';
import { catchUpDeals, type CatchUpDealsResult } from '../sync/usecases/catch-up-deals.js';
import { canFire } from '../sync/usecases/match-trigger.js';
import type { AppContext } from './context.js';
import { describeProblem, ensureDealWebhook, webhookUrl } from './deal-webhook.js';

/**
 * The periodic check that notices what Pipedrive never delivered, one company at a time (job
 * `catch-up`, every CATCH_UP_INTERVAL_MS; `pipedrive-xero catch-up` runs it at once):
 * 1. the company's webhook is listed, active and pointing here, or is made again (deal-webhook.ts);
 * 2. deals updated since the last completed check, less OVERLAP_MS for clock skew, are reconciled
 *    (sync/usecases/catch-up-deals.ts): missed trigger firings get their run, each exactly once;
 * and, first, processed webhooks older than INBOX_RETENTION_MS leave the inbox.
 * Firings before the install never count. The window moves forward only when a pass completes.
 *
 * States of a company's check: idle → leased (takeCatchUpLease; a second check meanwhile returns
 * `busy`; renewed after each page of deals) → recorded (webhook health, then the result; the lease
 * is given back). A lease left by a crash runs out after QUEUE_LEASE_MS.
 */
export type CatchUpDeps = Pick<
  AppContext,
  | 'db'
  | 'box'
  | 'clock'
  | 'logger'
  | 'queue'
  | 'connections'
  | 'publicUrl'
  | 'catchUpIntervalMs'
  | 'queueLeaseMs'
>;

/** How far before the last check's start the next one looks again (clocks and indexes lag). */
export const OVERLAP_MS = 60_000;

/**
 * How long a processed webhook stays in the inbox, its dedupe key with it; the check deletes older
 * ones, so the inbox does not grow for ever. Longer than any redelivery: Pipedrive retries within
 * 3 minutes (docs/vendors/pipedrive.md §5.2), and Xero retries for 24 hours and is reported to keep
 * events 31 days for a webhook re-enabled later (docs/vendors/xero.md §14). A deal's trigger fires
 * once whatever the inbox keeps.
 */
export const INBOX_RETENTION_MS = 60 * 24 * 3_600_000;

type WebhookCheck = Omit<WebhookHealth, 'recreatedAt'>;

export type CatchUpOutcome =
  | { kind: 'not_installed' }
  | { kind: 'busy' }
  | { kind: 'checked'; webhook: WebhookCheck; result: CatchUpResult };

export async function catchUp(
  deps: CatchUpDeps,
  companyId: number,
  options: { signal?: AbortSignal } = {},
): Promise<CatchUpOutcome> {
  const { db, clock } = deps;
  const company = await getCompany(db, companyId);
  if (company === undefined) return { kind: 'not_installed' };
  const now = clock.now();
  const leaseEnd = () => new Date(clock.now().getTime() + deps.queueLeaseMs);
  if (!(await takeCatchUpLease(db, companyId, now, leaseEnd()))) {
    return { kind: 'busy' };
  }
  await pruneInbox(deps, companyId, now);
  let webhook: WebhookCheck | undefined;
  let pass: CatchUpDealsResult | undefined;
  let failure: unknown;
  try {
    const client = await deps.connections.pipedriveFor(companyId);
    webhook = await checkWebhook(deps, client, companyId, now);
    const renewLease = () => renewCatchUpLease(db, companyId, leaseEnd());
    pass = await reconcile(deps, client, company, renewLease, options.signal);
  } catch (error) {
    failure = error;
    deps.logger.error({ err: error, companyId }, 'catch-up failed; the next check tries again');
  }
  webhook ??= failing(now, messageOf(failure));
  const result = resultOf(now, pass, failure);
  await recordWebhookHealth(db, companyId, webhook);
  await finishCatchUp(db, companyId, {
    ...result,
    checkedUntil: result.status === 'ok' ? now : null,
  });
  return { kind: 'checked', webhook, result };
}

/** The inbox's old processed events deleted; a failure is logged, and the next check tries again. */
async function pruneInbox(deps: CatchUpDeps, companyId: number, now: Date): Promise<void> {
  try {
    const cutoff = new Date(now.getTime() - INBOX_RETENTION_MS);
    const deleted = await pruneInboxEvents(deps.db, companyId, cutoff);
    if (deleted > 0) deps.logger.info({ companyId, deleted }, 'catch-up: old inbox events deleted');
  } catch (error) {
    deps.logger.warn({ err: error, companyId }, 'catch-up: old inbox events not deleted');
  }
}

/** Queues the company's next check at `at` under its job key: one waiting check per company. */
export async function scheduleCatchUp(queue: JobQueue, companyId: number, at: Date): Promise<void> {
  await queue.enqueue('catch-up', { companyId }, { jobKey: `catch-up:${companyId}`, runAt: at });
}

/**
 * When a worker starts: every company's next check, one interval after its last (or its install),
 * at once if that is past. Replaces the waiting one, so any number of workers may do this.
 */
export async function scheduleAllCatchUps(
  deps: Pick<CatchUpDeps, 'db' | 'clock' | 'queue' | 'catchUpIntervalMs'>,
): Promise<number> {
  const companies = await listCatchUpTimes(deps.db);
  const now = deps.clock.now().getTime();
  for (const { companyId, installedAt, lastRunAt } of companies) {
    const due = (lastRunAt ?? installedAt).getTime() + deps.catchUpIntervalMs;
    await scheduleCatchUp(deps.queue, companyId, new Date(Math.max(now, due)));
  }
  return companies.length;
}

async function checkWebhook(
  deps: CatchUpDeps,
  client: PipedriveClient,
  companyId: number,
  now: Date,
): Promise<WebhookCheck> {
  try {
    const credentials = await getWebhookCredentials(deps.db, deps.box, companyId);
    if (credentials === undefined) return failing(now, 'no webhook credentials: install again');
    const url = webhookUrl(deps.publicUrl(), companyId);
    const { webhook, problem } = await ensureDealWebhook(client, url, credentials);
    if (problem !== null) {
      deps.logger.warn(
        { companyId, webhookId: webhook.id, problem },
        'catch-up: the Pipedrive webhook was made again',
      );
    }
    return {
      status: problem === null ? 'ok' : 're-created',
      reason: problem === null ? null : describeProblem(problem),
      webhookId: webhook.id,
      checkedAt: now,
      lastDeliveryAt: timeOrNull(webhook.last_delivery_time),
      lastHttpStatus: webhook.last_http_status ?? null,
    };
  } catch (error) {
    return failing(now, messageOf(error));
  }
}

async function reconcile(
  deps: CatchUpDeps,
  client: PipedriveClient,
  company: Company,
  renewLease: () => Promise<void>,
  signal: AbortSignal | undefined,
) {
  const state = await getCatchUpState(deps.db, company.id);
  const since = (state?.checkedUntil ?? company.installedAt).getTime() - OVERLAP_MS;
  const settings = parseSettings(company.settings);
  const triggers = settings.ok ? settings.settings.triggers : { rules: [], onWon: null };
  // Nothing can fire: the window still moves, so a trigger set up later fires from then on only.
  if (!canFire(triggers)) {
    return { dealsExamined: 0, runsStarted: 0, complete: true };
  }
  return catchUpDeals(
    { ...deps, pipedrive: client, logger: deps.logger.child({ companyId: company.id }) },
    {
      companyId: company.id,
      triggers,
      updatedSince: new Date(since),
      firedFrom: new Date(Math.max(since, company.installedAt.getTime())),
      afterPage: renewLease,
      ...(signal !== undefined && { signal }),
    },
  );
}

function resultOf(at: Date, pass: CatchUpDealsResult | undefined, failure: unknown): CatchUpResult {
  const counts = { dealsExamined: pass?.dealsExamined ?? 0, runsStarted: pass?.runsStarted ?? 0 };
  if (pass?.complete) return { at, status: 'ok', error: null, ...counts };
  const error = pass === undefined ? messageOf(failure) : 'stopped early: the worker is stopping';
  return { at, status: 'failed', error, ...counts };
}

function failing(now: Date, reason: string): WebhookCheck {
  return {
    status: 'failing',
    reason,
    webhookId: null,
    checkedAt: now,
    lastDeliveryAt: null,
    lastHttpStatus: null,
  };
}

function timeOrNull(text: string | null | undefined): Date | null {
  if (text == null) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
