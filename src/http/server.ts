import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance } from 'fastify';

import type { Clock } from '../clock.js';
import type { Connections } from '../services/connections.js';
import type { Signer } from '../services/signed-token.js';
import type { Logger } from '../logger.js';
import type { JobQueue } from '../queue/port.js';
import type { SecretBox } from '../secrets.js';
import type { Db } from '../store/db.js';
import type { AppLinks } from '../sync/ports.js';
import { registerRunRoutes } from './api/runs.js';
import { registerSettingsRoutes } from './api/settings.js';
import { registerStatusRoutes } from './api/status.js';
import { createErrorHandler } from './error-handler.js';
import { registerPipedriveOAuthRoutes } from './oauth/pipedrive.js';
import { registerXeroOAuthRoutes } from './oauth/xero.js';
import { registerUiRoutes } from './ui/index.js';
import { registerPanelActionRoutes } from './panels/actions.js';
import { registerPanelRoutes } from './panels/panels.js';
import { registerPipedriveWebhook } from './webhooks/pipedrive.js';
import { registerXeroWebhook } from './webhooks/xero.js';

/** Everything the routes use, built by app.ts. */
export interface HttpDeps {
  db: Db;
  box: SecretBox;
  clock: Clock;
  logger: Logger;
  connections: Connections;
  queue: JobQueue;
  signer: Signer;
  links: AppLinks;
  /** In sandbox mode the company routes need no link token (README "Access"). */
  sandboxMode: boolean;
  pipedriveClient: { clientId: string; clientSecret: string };
  /** Signs Xero webhooks (config XERO_WEBHOOK_KEY; the sandbox app's key in sandbox mode). */
  xeroWebhookKey: string;
  publicUrl: () => string;
  /** Documents per company per month in the plan (the settings page shows usage against it). */
  planMonthlyQuota?: number;
  /** Time between two catch-up checks of a company (config CATCH_UP_INTERVAL_MS). */
  catchUpIntervalMs: number;
}

/** The app's HTTP server, ready for `listen` (or inject in a unit test); routes stay thin. */
export function buildServer(deps: HttpDeps): FastifyInstance {
  // No Fastify request logging: the error handler logs what went wrong, with our redaction rules.
  const app = Fastify({ logger: false });
  app.register(formbody);
  app.setErrorHandler(createErrorHandler(deps.logger));
  app.get('/health', async () => ({ ok: true }));
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
  return app;
}
