import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import type { XeroWebhooks } from './xero-webhooks.js';

const subscribeBody = z.strictObject({
  clientId: z.string().min(1),
  url: z.url(),
  key: z.string().min(1).optional(),
});
const itrBody = z.strictObject({ clientId: z.string().min(1) });
const knobsBody = z.strictObject({
  duplicate: z.boolean().optional(),
  outOfOrder: z.boolean().optional(),
});

/** Test/demo control of Xero webhook delivery (root scope: the core's error handler applies). */
export function registerXeroWebhookControlRoutes(
  app: FastifyInstance,
  webhooks: XeroWebhooks,
): void {
  app.get('/__sandbox/xero/webhooks', async () => ({ subscriptions: webhooks.subscriptions() }));

  app.post('/__sandbox/xero/webhooks', async (request, reply) => {
    const body = subscribeBody.parse(request.body ?? {});
    try {
      const subscription = webhooks.subscribe({
        clientId: body.clientId,
        url: body.url,
        ...(body.key !== undefined && { key: body.key }),
      });
      return reply.code(201).send({ subscription });
    } catch (error) {
      return reply.code(400).send({ error: (error as Error).message });
    }
  });

  app.post('/__sandbox/xero/webhooks/intent-to-receive', async (request, reply) => {
    const body = itrBody.parse(request.body ?? {});
    if (!webhooks.subscriptions().some((sub) => sub.clientId === body.clientId)) {
      return reply.code(404).send({ error: `app ${body.clientId} has no webhook subscription` });
    }
    return webhooks.startIntentToReceive(body.clientId);
  });

  app.get('/__sandbox/xero/webhooks/deliveries', async () => ({
    deliveries: webhooks.deliveries(),
  }));

  app.post('/__sandbox/xero/webhooks/knobs', async (request) => {
    const body = knobsBody.parse(request.body ?? {});
    return {
      knobs: webhooks.setKnobs({
        ...(body.duplicate !== undefined && { duplicate: body.duplicate }),
        ...(body.outOfOrder !== undefined && { outOfOrder: body.outOfOrder }),
      }),
    };
  });

  app.post('/__sandbox/xero/webhooks/flush', async () => {
    await webhooks.flush();
    return { subscriptions: webhooks.subscriptions() };
  });
}
