import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import type { TenantInfo } from '../world.js';
import { registerAuthorizeRoutes } from './authorize-routes.js';
import { registerConnectionRoutes } from './connection-routes.js';
import { registerIdentityControlRoutes } from './control-routes.js';
import type { XeroIdentity } from './identity.js';
import { oauthError, registerTokenRoutes } from './token-routes.js';

/**
 * Xero's identity hosts (login.xero.com, identity.xero.com, api.xero.com/connections) collapsed
 * into one server: an encapsulated scope with OAuth-shaped errors, plus control routes at the root.
 */
export function registerIdentityRoutes(
  app: FastifyInstance,
  identity: XeroIdentity,
  tenantInfo: (tenantId: string) => TenantInfo | undefined,
): void {
  registerIdentityControlRoutes(app, identity);
  app.register(async (scope) => {
    scope.setErrorHandler((error, request, reply) => {
      if (request.url.startsWith('/connect/')) return oauthError(reply, 'invalid_request');
      const status =
        error instanceof z.ZodError ? 400 : ((error as { statusCode?: number }).statusCode ?? 500);
      if (status >= 500) request.log.error(error);
      const message = error instanceof Error ? error.message : String(error);
      return reply.code(status).type('text/plain; charset=utf-8').send(message);
    });
    registerAuthorizeRoutes(scope, identity, tenantInfo);
    registerTokenRoutes(scope, identity);
    registerConnectionRoutes(scope, identity);
  });
}
