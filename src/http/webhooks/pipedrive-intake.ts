import type { Clock } from '../../clock.js';
import { documentJobKey } from '../../connections/document-runs.js';
import type { Logger } from '../../logger.js';
import { detectDealTransition, type PipedriveWebhookEvent } from '../../pipedrive/webhook.js';
import type { JobQueue } from '../../queue/port.js';
import type { Db } from '../../store/db.js';
import { getCompany } from '../../store/repos/companies.js';
import { type InboxEvent, markInboxEventProcessed } from '../../store/repos/inbox.js';
import { createRun, listRunsForDeal } from '../../store/repos/runs.js';
import { parseSettings } from '../../sync/settings.js';
import { matchTrigger } from './match-trigger.js';

/**
 * What a stored Pipedrive event leads to: a queued run and a document-for-deal job, or a recorded
 * "ignored" outcome. Runs after the event is durably in the inbox; if it fails, the event stays
 * unprocessed and the worker's startup sweep (sweepInbox) does it again. Doing it twice is harmless:
 * while a run of the same trigger is queued or running, no other is made — a queued one is
 * enqueued again under the same job key (which replaces the waiting job), a running one is joined.
 */
export interface IntakeDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  queue: JobQueue;
}

export async function processPipedriveEvent(deps: IntakeDeps, stored: InboxEvent): Promise<string> {
  const { db, clock, queue } = deps;
  const event = stored.payload as PipedriveWebhookEvent;
  const company = await getCompany(db, stored.companyId);
  if (company === undefined) return 'ignored: company not installed';
  const settings = parseSettings(company.settings);
  const match = settings.ok
    ? matchTrigger(settings.settings.triggers, detectDealTransition(event))
    : { matched: false as const, outcome: 'ignored: settings invalid' };
  let outcome: string;
  if (match.matched) {
    const dealId = Number(event.meta.entity_id);
    const active = (await listRunsForDeal(db, company.id, dealId)).find(
      (run) =>
        run.triggerKey === match.triggerKey &&
        (run.status === 'queued' || run.status === 'running'),
    );
    if (active?.status === 'running') {
      // Its job exists and will finish (or be retried); the same trigger needs nothing more.
      outcome = `joined: run ${active.id} is running`;
    } else {
      const run =
        active ??
        (await createRun(
          db,
          { companyId: company.id, kind: match.kind, dealId, triggerKey: match.triggerKey },
          clock.now(),
        ));
      await queue.enqueue(
        'document-for-deal',
        { companyId: company.id, dealId, triggerKey: match.triggerKey, runId: run.id },
        { jobKey: documentJobKey(company.id, dealId, match.triggerKey) },
      );
      outcome = `queued: run ${run.id}`;
    }
  } else {
    outcome = match.outcome;
  }
  await markInboxEventProcessed(db, company.id, stored.id, outcome, clock.now());
  deps.logger.info({ companyId: company.id, eventId: stored.eventKey, outcome }, 'pipedrive event');
  return outcome;
}
