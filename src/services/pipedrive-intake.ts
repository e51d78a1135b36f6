import { eventKey, parseWebhook, type PipedriveWebhookEvent } from '../pipedrive/webhook.js';
import { verifyBasicAuth } from '../pipedrive/webhook-auth.js';
import { getCompany, getWebhookCredentials } from '../store/repos/companies.js';
import {
  type InboxEvent,
  markInboxEventProcessed,
  recordInboxEvent,
} from '../store/repos/inbox.js';
import { startRunForEvent } from '../sync/usecases/start-trigger-run.js';
import type { AppContext } from './context.js';

/**
 * Pipedrive's webhooks v2 after the route has checked them (docs/vendors/pipedrive.md §5): a delivery is stored
 * in the inbox, deduplicated on meta.id, and only then answered (invariant 2); then what the event
 * leads to (sync/usecases/start-trigger-run.ts: a queued or joined run, or an "ignored" outcome) is
 * recorded on it. If that fails, the event stays unprocessed and the worker's startup sweep
 * (inbox-sweep.ts) does it again, which is harmless: the run of a firing is made once.
 */
export type IntakeDeps = Pick<AppContext, 'db' | 'clock' | 'logger' | 'queue'>;

/** Whether a delivery carries the company's own Basic credentials (checked before the body). */
export async function isPipedriveDeliveryAuthorised(
  deps: Pick<AppContext, 'db' | 'box'>,
  companyId: number,
  authorization: string | undefined,
): Promise<boolean> {
  const credentials = await getWebhookCredentials(deps.db, deps.box, companyId);
  return (
    credentials !== undefined &&
    verifyBasicAuth(authorization, credentials.user, credentials.password)
  );
}

export type PipedriveReceipt = { status: 'duplicate' } | { status: 'accepted'; outcome?: string };

/**
 * Stores a delivery of the company's event (`body` as received) and handles it. A redelivery does
 * nothing more: the first delivery is handling the event, or — if the process died in between —
 * the worker's startup sweep will; handling it here too could race the first into a second run.
 * A failure after the insert is logged and left to the sweep: the delivery is still accepted.
 */
export async function receivePipedriveEvent(
  deps: IntakeDeps,
  companyId: number,
  event: PipedriveWebhookEvent,
  body: unknown,
): Promise<PipedriveReceipt> {
  const stored = await recordInboxEvent(deps.db, {
    companyId,
    source: 'pipedrive',
    eventKey: eventKey(event),
    payload: body,
    receivedAt: deps.clock.now(),
  });
  if (stored.duplicate) return { status: 'duplicate' };
  try {
    return { status: 'accepted', outcome: await processPipedriveEvent(deps, stored.event) };
  } catch (error) {
    deps.logger.error(
      { err: error, companyId },
      'pipedrive event stored but not processed; the sweep will retry',
    );
    return { status: 'accepted' };
  }
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
