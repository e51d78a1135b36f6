import type { AppContext } from '../services/context.js';
import type { AppMetrics } from '../services/metrics.js';

/** Everything the routes use, built by app.ts: the services' context and what only HTTP needs. */
export interface HttpDeps extends AppContext {
  /** In sandbox mode the company routes need no sign-in from loopback (docs/access.md). */
  sandboxMode: boolean;
  /** Pipedrive's OAuth host (config PIPEDRIVE_OAUTH_URL): the one origin besides *.pipedrive.com that may frame the pages. */
  pipedriveOAuthUrl: string;
  /** Requests per minute per company on the public endpoints (config RATE_LIMIT_PER_MINUTE). */
  rateLimitPerMinute: number;
  /**
   * Pipedrive signs panel and custom-UI JWTs and the uninstall callback with the app's client
   * credentials.
   */
  pipedriveClient: { clientId: string; clientSecret: string };
  /** Signs Xero webhooks (config XERO_WEBHOOK_KEY; the sandbox app's key in sandbox mode). */
  xeroWebhookKey: string;
  /** The process's Prometheus metrics (GET /metrics); undefined when they are off (app.ts). */
  metrics: AppMetrics | undefined;
  /** Bearer token GET /metrics requires (config METRICS_TOKEN); '' turns metrics off. */
  metricsToken: string;
  /** Names the installation (from its key): GET /health/live answers it, `doctor` compares it. */
  instanceId: string;
  /** Whether this process takes jobs (start, worker) and does now (GET /health/ready). */
  queueState: () => { takesJobs: boolean; running: boolean };
}
