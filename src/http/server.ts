import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance } from 'fastify';

import { whileAPersonWaits } from '../services/connections.js';
import { registerRunRoutes } from './api/runs.js';
import { registerSettingsRoutes } from './api/settings.js';
import { registerStatusRoutes } from './api/status.js';
import type { HttpDeps } from './deps.js';
import { createErrorHandler, routeNotFound } from './error-handler.js';
import { noRouteSchemas } from './no-route-schemas.js';
import { registerPipedriveOAuthRoutes } from './oauth/pipedrive.js';
import { registerXeroOAuthRoutes } from './oauth/xero.js';
import { registerOpsRoutes, registerProbeRoutes } from './ops.js';
import { registerPanelActionRoutes } from './panels/actions.js';
import { registerPanelRoutes } from './panels/panels.js';
import { registerSecurity } from './security.js';
import { registerSignInRoutes } from './sign-in.js';
import { registerUiRoutes } from './ui/index.js';
import { registerPipedriveWebhook } from './webhooks/pipedrive.js';
import { registerXeroWebhook } from './webhooks/xero.js';

/** The app's HTTP server, ready for `listen` (or inject in a unit test); routes stay thin. */
export function buildServer(deps: HttpDeps): FastifyInstance {
  // No Fastify logger: ops.ts logs one line per request without the query (it may carry a token),
  // and the error handler what went wrong, with our redaction rules.
  const app = Fastify({ logger: false, schemaController: noRouteSchemas });
  app.register(formbody);
  app.setErrorHandler(createErrorHandler(deps.logger));
  // A request's Xero calls are answered before any job's (after the body is read, so the handler
  // runs inside the lane; services/connections.ts).
  app.addHook('preHandler', (_request, _reply, done) => whileAPersonWaits(done));
  app.register(async (scope) => {
    await registerSecurity(scope, deps);
    registerRoutes(scope, deps);
  });
  return app;
}

/**
 * A `worker`'s ops listener (OPS_PORT): GET /health/live, /health/ready and /metrics only, answered
 * as the app's server answers them, so an orchestrator can probe the worker and Prometheus can read
 * the counters of its runs and vendor calls.
 */
export function buildOpsServer(deps: HttpDeps): FastifyInstance {
  const app = Fastify({ logger: false, schemaController: noRouteSchemas });
  app.setErrorHandler(createErrorHandler(deps.logger));
  app.setNotFoundHandler(routeNotFound);
  registerProbeRoutes(app, deps);
  return app;
}

function registerRoutes(app: FastifyInstance, deps: HttpDeps): void {
  registerOpsRoutes(app, deps);
  registerPipedriveWebhook(app, deps);
  registerPipedriveOAuthRoutes(app, deps);
  registerXeroOAuthRoutes(app, deps);
  registerSettingsRoutes(app, deps);
  registerRunRoutes(app, deps);
  registerStatusRoutes(app, deps);
  registerUiRoutes(app, deps);
  registerPanelRoutes(app, deps);
  registerPanelActionRoutes(app, deps);
  registerXeroWebhook(app, deps);
  registerSignInRoutes(app, deps);
}
