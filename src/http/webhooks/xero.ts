import type { FastifyInstance } from 'fastify';

import {
  type InboxEvent,
  markInboxEventProcessed,
  recordInboxEvent,
} from '../../store/repos/inbox.js';
import { findCompanyIdsByTenant } from '../../store/repos/xero-connections.js';
import {
  isIntentToReceive,
  parseXeroWebhook,
  verifyXeroSignature,
  type XeroWebhookEvent,
} from '../../xero/webhook.js';
import type { HttpDeps } from '../server.js';
import type { IntakeDeps } from '../../services/pipedrive-intake.js';

/**
 * POST /webhooks/xero — Xero's webhooks (xero.md §14).
 * 1. The signature is checked over the raw bytes, so this route alone keeps the body as a Buffer
 *    (an encapsulated content-type parser); a bad one is a 401 with an empty body.
 * 2. A good one is a 200 with an EMPTY body, Intent to Receive included, within 5 s: each event is
 *    stored in the inbox of every company connected to its tenant (deduplicated, invariant 2), and
 *    an INVOICE event becomes a `refresh-document` job; the job does the slow part (GET the invoice).
 * A signed body that is not a webhook payload is logged and still answered 200: a 4xx would only
 * make Xero retry it for 24 hours and then disable the webhook.
 */
export function registerXeroWebhook(app: FastifyInstance, deps: HttpDeps): void {
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );

    scope.post('/webhooks/xero', async (request, reply) => {
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const signature = request.headers['x-xero-signature'];
      if (
        !verifyXeroSignature(
          raw,
          typeof signature === 'string' ? signature : undefined,
          deps.xeroWebhookKey,
        )
      ) {
        return reply.code(401).send();
      }
      let body: unknown;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        body = undefined;
      }
      const parsed = parseXeroWebhook(body);
      if (!parsed.ok) {
        deps.logger.warn({ problems: parsed.errors }, 'xero webhook: signed but not a payload');
        return reply.code(200).send();
      }
      if (!isIntentToReceive(parsed.payload)) {
        for (const event of parsed.payload.events) await acceptXeroEvent(deps, event);
      }
      return reply.code(200).send();
    });
  });
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
