import type { FastifyInstance } from 'fastify';

import type { HttpDeps } from '../deps.js';
import { registerBulkSyncUiRoutes } from './bulk-sync-routes.js';
import { registerHistoryUiRoutes } from './history-routes.js';
import { registerHomePage } from './home-page.js';
import { registerPipedriveFrameSignIn } from './pipedrive-frame.js';
import { registerPreviewUiRoutes } from './preview-routes.js';
import { registerSettingsUiRoutes } from './settings-routes.js';
import { registerUiStatic } from './static.js';

/** The home page, the settings and history pages (also Pipedrive's custom settings page), the preview modal and their scripts. */
export function registerUiRoutes(app: FastifyInstance, deps: HttpDeps): void {
  registerHomePage(app, deps);
  registerUiStatic(app);
  app.register(async (scope) => {
    registerPipedriveFrameSignIn(scope, deps);
    registerSettingsUiRoutes(scope, deps);
    registerHistoryUiRoutes(scope, deps);
    registerBulkSyncUiRoutes(scope, deps);
  });
  // The preview modal is opened by Pipedrive with a panel JWT, not a session (as the panels are).
  registerPreviewUiRoutes(app, deps);
}
