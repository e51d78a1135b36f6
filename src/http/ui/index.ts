import type { FastifyInstance } from 'fastify';

import type { HttpDeps } from '../deps.js';
import { registerBulkSyncUiRoutes } from './bulk-sync-routes.js';
import { registerHistoryUiRoutes } from './history-routes.js';
import { registerHomePage } from './home-page.js';
import { registerSettingsUiRoutes } from './settings-routes.js';
import { registerUiStatic } from './static.js';

/** The home page, the settings and history pages (also Pipedrive's custom settings page) and their scripts. */
export function registerUiRoutes(app: FastifyInstance, deps: HttpDeps): void {
  registerHomePage(app, deps);
  registerUiStatic(app);
  registerSettingsUiRoutes(app, deps);
  registerHistoryUiRoutes(app, deps);
  registerBulkSyncUiRoutes(app, deps);
}
