import type { FastifyInstance } from 'fastify';

import { receiveXeroEvents } from '../../services/xero-intake.js';
import { isIntentToReceive, parseXeroWebhook, verifyXeroSignature } from '../../xero/webhook.js';
import type { HttpDeps } from '../deps.js';

/**
 * POST /webhooks/xero — Xero's webhooks (docs/vendors/xero.md §14).
 * 1. The signature is checked over the raw bytes, so this route alone keeps the body as a Buffer
 *    (an encapsulated content-type parser); a bad one is a 401 with an empty body.
 * 2. A good one is a 200 with an EMPTY body, Intent to Receive included, within 5 s, once
 *    services/xero-intake.ts has stored its events (invariant 2).
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
      if (!isIntentToReceive(parsed.payload)) await receiveXeroEvents(deps, parsed.payload.events);
      return reply.code(200).send();
    });
  });
}
