import type { FastifyInstance, FastifyRequest } from 'fastify';

import { parseWebhook } from '../../pipedrive/webhook.js';
import type { CompanyIntakeView } from '../../services/company-intake-view.js';
import {
  authorisedPipedriveCompany,
  receivePipedriveEvent,
} from '../../services/pipedrive-intake.js';
import { companyIdOf } from '../access.js';
import type { HttpDeps } from '../deps.js';
import { HttpError } from '../error-handler.js';

/**
 * POST /webhooks/pipedrive/:companyId — Pipedrive's webhooks v2 (docs/vendors/pipedrive.md §5).
 * 1. Basic auth against the company's own credentials, before the body is read (401 otherwise).
 * 2. The body must be JSON of the v2 shape, for this company (400 naming every problem).
 * 3. services/pipedrive-intake.ts stores it (deduplicated on meta.id) and handles it; 200 is sent
 *    only after the insert (invariant 2). A duplicate answers 200 and does nothing more.
 */
export function registerPipedriveWebhook(app: FastifyInstance, deps: HttpDeps): void {
  // The company read by the auth check, for the handler (one read of it, and one parse of its id,
  // per delivery).
  const companies = new WeakMap<FastifyRequest, { id: number; view: CompanyIntakeView }>();
  app.register(async (scope) => {
    scope.addHook('onRequest', async (request) => {
      const companyId = companyIdOf(request.params);
      const view = await authorisedPipedriveCompany(deps, companyId, request.headers.authorization);
      if (view === undefined) {
        throw new HttpError(401, 'webhook_unauthorized', 'Wrong or missing webhook credentials');
      }
      companies.set(request, { id: companyId, view });
    });

    // No request limit: a delivery is counted only once its credentials passed (the onRequest
    // check above), and Pipedrive delivers a burst when many deals change at once (a bulk edit);
    // a refused delivery is retried only three times before the webhook is banned
    // (docs/vendors/pipedrive.md §5.2), and an accepted one costs a fraction of a millisecond.
    const limit = { config: { rateLimit: false } };
    scope.post('/webhooks/pipedrive/:companyId', limit, async (request, reply) => {
      const company = companies.get(request);
      if (company === undefined)
        throw new Error('the onRequest hook sets the company of a delivery');
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
      if (Number(event.meta.company_id) !== company.id) {
        throw new HttpError(
          400,
          'webhook_company_mismatch',
          `The event is for company ${event.meta.company_id}, not ${company.id}`,
        );
      }
      return reply.send(await receivePipedriveEvent(deps, company, event, request.body));
    });
  });
}
