import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import type { XeroIdentity } from './identity.js';

/** Test-control routes for identity (kept apart from Xero-shaped routes, docs/vendors/xero.md §17 Ops). */
const appSeed = z.strictObject({
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  name: z.string().min(1),
  redirectUris: z.array(z.string().url()),
  allowAnyLocalhostPort: z.boolean().optional(),
  webhookKey: z.string().min(1),
  webhookUrl: z.string().url().optional(),
});

const loginChange = z.strictObject({
  email: z.string().optional(),
  autoApprove: z.boolean().optional(),
  tenantIds: z.array(z.string()).optional(),
});

export function registerIdentityControlRoutes(app: FastifyInstance, identity: XeroIdentity): void {
  app.post('/__sandbox/xero/apps', async (request, reply) => {
    const parsed = appSeed.parse(request.body ?? {});
    identity.registerApp({
      clientId: parsed.clientId,
      clientSecret: parsed.clientSecret,
      name: parsed.name,
      redirectUris: parsed.redirectUris,
      webhookKey: parsed.webhookKey,
      ...(parsed.allowAnyLocalhostPort !== undefined && {
        allowAnyLocalhostPort: parsed.allowAnyLocalhostPort,
      }),
      ...(parsed.webhookUrl !== undefined && { webhookUrl: parsed.webhookUrl }),
    });
    return reply.code(201).send({ app: identity.app(parsed.clientId) });
  });

  app.get('/__sandbox/xero/apps', async () => ({ apps: identity.listApps() }));

  app.post('/__sandbox/xero/login', async (request, reply) => {
    const change = loginChange.parse(request.body ?? {});
    if (change.email !== undefined && !identity.userByEmail(change.email)) {
      return reply.code(400).send({ error: `no Xero login for "${change.email}"` });
    }
    return identity.setLogin({
      ...(change.email !== undefined && { email: change.email }),
      ...(change.autoApprove !== undefined && { autoApprove: change.autoApprove }),
      ...(change.tenantIds !== undefined && { tenantIds: change.tenantIds }),
    });
  });

  app.post('/__sandbox/xero/tokens/expire', async (request) => {
    const body = z.strictObject({ accessToken: z.string().optional() }).parse(request.body ?? {});
    return { expired: identity.accessTokens.expire(body.accessToken) };
  });

  app.get('/__sandbox/xero/grants', async () => identity.inspect());
}
