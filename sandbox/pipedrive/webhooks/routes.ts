import type { ApiContext, ApiRoute } from '../http/api-routes.js';
import { errorEnvelope } from '../http/paging.js';
import type { PipedriveWebhooks } from './pipedrive-webhooks.js';
import type { WebhookCaller } from './registry.js';
import { toWebhookData } from './subscription.js';
import { parseWebhookCreate } from './validation.js';

/**
 * `POST/GET /api/v1/webhooks`, `DELETE /api/v1/webhooks/{id}` (docs/vendors/pipedrive.md §5.1, §9 item 14;
 * SPEC-V1 addWebhook/getWebhooks/deleteWebhook), served like every other API operation: token,
 * scope `admin`, token cost and rate limits come from api-routes.ts and the token-cost table.
 * Only the webhook-specific answers are made here: 400 with per-field `errors`, 404 for a webhook
 * the caller cannot see, 422 at the 40-per-user limit.
 */
export function webhookRoutes(webhooks: PipedriveWebhooks, now: () => number): ApiRoute[] {
  const callerOf = (context: ApiContext): WebhookCaller => ({
    companyId: context.company.id,
    userId: context.userId,
    // Every sandbox token is an app's OAuth token, so its webhooks are type "application".
    clientId: context.grant.installation.clientId,
  });

  return [
    {
      version: 'v1',
      method: 'POST',
      path: '/webhooks',
      status: 201,
      handler: (context, request, reply) => {
        const parsed = parseWebhookCreate(request.body);
        if (!parsed.ok)
          return reply.code(400).send({ status: 'error', success: false, errors: parsed.errors });
        const created = webhooks.registry.create(callerOf(context), parsed.value, now());
        if (created === 'limit-reached')
          return reply.code(422).send(errorEnvelope('Webhooks limit reached'));
        return { status: 'ok', success: true, data: toWebhookData(created, now()) };
      },
    },
    {
      version: 'v1',
      method: 'GET',
      path: '/webhooks',
      handler: (context) => ({
        status: 'ok',
        success: true,
        data: webhooks.registry
          .visibleTo(callerOf(context))
          .map((webhook) => toWebhookData(webhook, now())),
      }),
    },
    {
      version: 'v1',
      method: 'DELETE',
      path: '/webhooks/{id}',
      handler: (context, request, reply) => {
        const id = Number((request.params as { id: string }).id);
        const webhook = webhooks.registry
          .visibleTo(callerOf(context))
          .find((candidate) => candidate.id === id);
        if (!webhook) {
          return reply
            .code(404)
            .send({ status: 'error', success: false, errors: { id: ['Webhook not found'] } });
        }
        webhooks.registry.remove(webhook.id, 'deleted by user', now());
        return { status: 'ok', success: true };
      },
    },
  ];
}
