import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import { parseWebhook } from '../pipedrive/webhook.js';
import type { JobQueue } from '../queue/port.js';
import type { Db } from '../store/db.js';
import { getCompany } from '../store/repos/companies.js';
import { type InboxEvent, markInboxEventProcessed } from '../store/repos/inbox.js';
import { startRunForEvent } from '../sync/usecases/start-trigger-run.js';

/**
 * What a stored Pipedrive event leads to (sync/usecases/start-trigger-run.ts: a queued or joined
 * run, or an "ignored" outcome), recorded on the inbox event. Runs after the event is durably in
 * the inbox; if it fails, the event stays unprocessed and the worker's startup sweep (sweepInbox)
 * does it again, which is harmless: the run of a firing is made once.
 */
export interface IntakeDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  queue: JobQueue;
}

export async function processPipedriveEvent(deps: IntakeDeps, stored: InboxEvent): Promise<string> {
  const company = await getCompany(deps.db, stored.companyId);
  if (company === undefined) return 'ignored: company not installed';
  // Stored as received, and checked then: parsed again for its typed values (times as Dates).
  const parsed = parseWebhook(stored.payload);
  const outcome = parsed.ok
    ? await startRunForEvent(deps, company, parsed.event)
    : `ignored: ${parsed.errors.join('; ')}`;
  await markInboxEventProcessed(deps.db, company.id, stored.id, outcome, deps.clock.now());
  deps.logger.info({ companyId: company.id, eventId: stored.eventKey, outcome }, 'pipedrive event');
  return outcome;
}
