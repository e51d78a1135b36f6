import type { FastifyInstance } from 'fastify';

import { verifyBasicAuth } from '../../pipedrive/webhook-auth.js';
import { eventKey, parseWebhook } from '../../pipedrive/webhook.js';
import { getWebhookCredentials } from '../../store/repos/companies.js';
import { recordInboxEvent } from '../../store/repos/inbox.js';
import { companyIdOf } from '../access.js';
import { HttpError } from '../error-handler.js';
import type { HttpDeps } from '../server.js';
import { processPipedriveEvent } from '../../services/pipedrive-intake.js';

/**
 * POST /webhooks/pipedrive/:companyId — Pipedrive's webhooks v2 (pipedrive.md §5).
 * 1. Basic auth against the company's own credentials, before the body is read (401 otherwise).
 * 2. The body must be JSON of the v2 shape (400 naming every problem).
 * 3. Stored in the inbox, deduplicated on meta.id; 200 is sent only after the insert (invariant 2).
 *    A duplicate answers 200 and does nothing more.
 * 4. Then the event is turned into a queued run or an "ignored" outcome (pipedrive-intake.ts); if
 *    that fails the event stays stored for the worker's sweep, and Pipedrive still gets its 200.
 */
export function registerPipedriveWebhook(app: FastifyInstance, deps: HttpDeps): void {
  app.register(async (scope) => {
    scope.addHook('onRequest', async (request) => {
      const companyId = companyIdOf(request.params);
      const credentials = await getWebhookCredentials(deps.db, deps.box, companyId);
      if (
        credentials === undefined ||
        !verifyBasicAuth(request.headers.authorization, credentials.user, credentials.password)
      ) {
        throw new HttpError(401, 'webhook_unauthorized', 'Wrong or missing webhook credentials');
      }
    });

    scope.post('/webhooks/pipedrive/:companyId', async (request, reply) => {
      const companyId = companyIdOf(request.params);
      const parsed = parseWebhook(request.body);
      if (!parsed.ok) {
        throw new HttpError(
          400,
          'webhook_invalid',
          `Not a Pipedrive webhook v2 event: ${parsed.errors.join('; ')}`,
          parsed.errors,
        );
      }
      const { event } = parsed;
      if (Number(event.meta.company_id) !== companyId) {
        throw new HttpError(
          400,
          'webhook_company_mismatch',
          `The event is for company ${event.meta.company_id}, not ${companyId}`,
        );
      }
      const stored = await recordInboxEvent(deps.db, {
        companyId,
        source: 'pipedrive',
        eventKey: eventKey(event),
        payload: request.body,
        receivedAt: deps.clock.now(),
      });
      // A redelivery does nothing more: the first delivery is handling the event, or — if the
      // process died in between — the worker's startup sweep will (inbox-sweep.ts). Handling it
      // here too could race the first delivery into a second run.
      if (stored.duplicate) return reply.send({ status: 'duplicate' });
      try {
        const outcome = await processPipedriveEvent(deps, stored.event);
        return reply.send({ status: 'accepted', outcome });
      } catch (error) {
        deps.logger.error(
          { err: error, companyId },
          'pipedrive event stored but not processed; the sweep will retry',
        );
        return reply.send({ status: 'accepted' });
      }
    });
  });
}
