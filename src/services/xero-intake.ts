import {
  type InboxEvent,
  markInboxEventProcessed,
  recordInboxEvent,
} from '../store/repos/inbox.js';
import { findCompanyIdsByTenant } from '../store/repos/xero-connections.js';
import type { XeroWebhookEvent } from '../xero/webhook.js';
import type { IntakeDeps } from './pipedrive-intake.js';

/**
 * Xero's webhook events after the route has checked the signature (docs/vendors/xero.md §14): each
 * event is stored in the inbox of every company connected to its tenant (deduplicated, invariant
 * 2), and an INVOICE event becomes a `refresh-document` job, which does the slow part (GET the
 * invoice). The route answers only after all of it, within Xero's 5 s.
 */
export async function receiveXeroEvents(
  deps: IntakeDeps,
  events: readonly XeroWebhookEvent[],
): Promise<void> {
  for (const event of events) await acceptXeroEvent(deps, event);
}

/** Xero repeats deliveries (and Intent to Receive batches): the event's own facts are its identity. */
export function xeroEventKey(event: XeroWebhookEvent): string {
  return `${event.resourceId}:${event.eventDateUtc}:${event.eventType}`;
}

/**
 * One event → the inbox of each company connected to its tenant (a tenant may serve several
 * Pipedrive companies; each acts only on its own documents, invariant 5) → processXeroEvent. A
 * redelivery of an event already handled does nothing more.
 */
export async function acceptXeroEvent(deps: IntakeDeps, event: XeroWebhookEvent): Promise<void> {
  for (const companyId of await findCompanyIdsByTenant(deps.db, event.tenantId)) {
    const stored = await recordInboxEvent(deps.db, {
      companyId,
      source: 'xero',
      eventKey: xeroEventKey(event),
      payload: event,
      receivedAt: deps.clock.now(),
    });
    if (stored.duplicate && stored.event.processedAt !== null) continue;
    await processXeroEvent(deps, stored.event);
  }
}

/**
 * A stored Xero event → a refresh job for INVOICE events (other categories are recorded as
 * ignored). Also run by the inbox sweep for events stored before a crash; doing it twice is
 * harmless, the job key keeps one waiting refresh per invoice.
 */
export async function processXeroEvent(deps: IntakeDeps, stored: InboxEvent): Promise<string> {
  const event = stored.payload as XeroWebhookEvent;
  let outcome = `ignored: ${event.eventCategory} events are not handled`;
  if (event.eventCategory === 'INVOICE') {
    await deps.queue.enqueue(
      'refresh-document',
      {
        companyId: stored.companyId,
        tenantId: event.tenantId,
        resourceId: event.resourceId,
        category: event.eventCategory,
      },
      // The job reads Xero's current state, so a waiting refresh of the same invoice suffices.
      { jobKey: `refresh:${stored.companyId}:${event.resourceId}` },
    );
    outcome = 'queued: refresh-document';
  }
  await markInboxEventProcessed(deps.db, stored.companyId, stored.id, outcome, deps.clock.now());
  deps.logger.info(
    { companyId: stored.companyId, resourceId: event.resourceId, outcome },
    'xero event',
  );
  return outcome;
}
