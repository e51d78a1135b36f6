import type { AppContext } from '../services/context.js';

/** Everything the routes use, built by app.ts: the services' context and what only HTTP needs. */
export interface HttpDeps extends AppContext {
  /** In sandbox mode the company routes need no link token (README "Access"). */
  sandboxMode: boolean;
  /** Pipedrive signs panel JWTs and the uninstall callback with the app's client credentials. */
  pipedriveClient: { clientId: string; clientSecret: string };
  /** Signs Xero webhooks (config XERO_WEBHOOK_KEY; the sandbox app's key in sandbox mode). */
  xeroWebhookKey: string;
}
