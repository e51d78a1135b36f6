import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import type { SandboxClock } from '../../common/clock.js';
import type { PipedriveWebhooks } from './pipedrive-webhooks.js';
import { toWebhookData } from './subscription.js';

const knobsBody = z.strictObject({
  duplicates: z.number().int().min(1).max(10).optional(),
  outOfOrder: z.boolean().optional(),
  outOfOrderWindow: z.number().int().min(2).max(100).optional(),
});

/** Test/demo control of Pipedrive webhook delivery (root scope: the core's error handler applies). */
export function registerPipedriveWebhookControlRoutes(
  app: FastifyInstance,
  webhooks: PipedriveWebhooks,
  clock: SandboxClock,
): void {
  const now = () => clock.now();
  app.get('/__sandbox/pipedrive/webhooks', async () => ({
    webhooks: webhooks.registry
      .all()
      .map((webhook) => ({ ...toWebhookData(webhook, now()), client_id: webhook.clientId })),
    removed: webhooks.registry.removed().map((entry) => ({
      ...toWebhookData(entry.webhook, now()),
      remove_time: new Date(entry.removeTimeMs).toISOString(),
      remove_reason: entry.removeReason,
    })),
  }));

  app.get('/__sandbox/pipedrive/webhooks/deliveries', async () => ({
    deliveries: webhooks.deliveries(),
  }));

  app.post('/__sandbox/pipedrive/webhooks/knobs', async (request) => {
    const body = knobsBody.parse(request.body ?? {});
    return {
      knobs: webhooks.setKnobs({
        ...(body.duplicates !== undefined && { duplicates: body.duplicates }),
        ...(body.outOfOrder !== undefined && { outOfOrder: body.outOfOrder }),
        ...(body.outOfOrderWindow !== undefined && { outOfOrderWindow: body.outOfOrderWindow }),
      }),
    };
  });

  app.post('/__sandbox/pipedrive/webhooks/flush', async () => {
    await webhooks.flush();
    return { ok: true };
  });
}
