import { SandboxClock } from '../common/clock.js';
import { createSandboxCore, type SandboxCore } from '../common/server.js';
import { registerPipedriveExtensionControlRoutes } from './extensions/control-routes.js';
import { registerPipedriveUninstallRoute, uninstallApp } from './extensions/uninstall.js';
import { type ApiRoute, registerApiRoutes } from './http/api-routes.js';
import { registerCompanyControlRoutes } from './http/control-company-routes.js';
import { registerControlRoutes } from './http/control-routes.js';
import { registerOAuthRoutes } from './http/oauth-routes.js';
import { errorEnvelope } from './http/paging.js';
import { v1Routes } from './http/v1-routes.js';
import { catalogueRoutes } from './http/v2-catalogue.js';
import { contactRoutes } from './http/v2-contacts.js';
import { dealLineRoutes } from './http/v2-deal-lines.js';
import { dealRoutes } from './http/v2-deals.js';
import {
  type Installation,
  PipedriveOAuth,
  type RegisteredApp,
  type UninstallListener,
} from './oauth.js';
import { defaultRateLimits, type PipedriveRateLimits, RateLimiter } from './rate-limits.js';
import { PipedriveCompanies } from './store/companies.js';
import { DealOps } from './store/deal-ops.js';
import { DEMO_COMPANY_ID, DEMO_USER_ID, demoApp, seedDemoCompanies } from './store/seed-demo.js';
import { registerPipedriveWebhookControlRoutes } from './webhooks/control-routes.js';
import { PipedriveWebhooks } from './webhooks/pipedrive-webhooks.js';
import { webhookRoutes } from './webhooks/routes.js';
import type { PipedriveAppSeed, PipedriveChangeListener } from './world.js';

export type { ApiContext, ApiRoute } from './http/api-routes.js';
export { ApiError, errorEnvelope } from './http/paging.js';
export type { Installation, RegisteredApp, UninstallListener } from './oauth.js';
export type { Company } from './store/company.js';
export { renderCustomV1, renderCustomWebhook } from './store/fields.js';
export { renderWebhookData } from './store/render-webhook.js';

export interface PipedriveSandboxOptions {
  clock?: SandboxClock;
  /** pino level; 'silent' by default. */
  logLevel?: string;
  /** 'demo' (default): companies 7001 and 7002 and the demo app; 'empty': nothing. */
  seed?: 'demo' | 'empty';
  /** Extra apps registered on every reset (their callback must match exactly). */
  apps?: PipedriveAppSeed[];
  /** Overrides of the rate limits (defaults: OAuth Lite, docs/vendors/pipedrive.md §6). */
  limits?: Partial<PipedriveRateLimits>;
}

export type PipedriveSandbox = SandboxCore & {
  companies: PipedriveCompanies;
  oauth: PipedriveOAuth;
  limiter: RateLimiter;
  /** Webhooks v2 subscriptions and delivery; hears every change of every company. */
  webhooks: PipedriveWebhooks;
  onChange(listener: PipedriveChangeListener): () => void;
  findApp(clientId: string): RegisteredApp | undefined;
  /** Called when a refresh-token revoke uninstalls the app (§1.8); returns an unsubscribe. */
  onUninstall(listener: UninstallListener): () => void;
  listInstallations(): Installation[];
  /** Drops an installation's tokens without calling the uninstall listeners. */
  removeInstallation(companyId: number, userId: number, clientId: string): boolean;
  /** Adds API operations; call before the server listens. */
  addApiRoutes(routes: ApiRoute[]): void;
};

export function buildPipedriveSandbox(options: PipedriveSandboxOptions = {}): PipedriveSandbox {
  const clock = options.clock ?? new SandboxClock();
  const now = () => clock.now();
  const companies = new PipedriveCompanies(now);
  const oauth = new PipedriveOAuth(now);
  const limiter = new RateLimiter({ ...defaultRateLimits, ...options.limits });
  const webhooks = new PipedriveWebhooks({
    clock,
    hostFor: (companyId) => `${companies.get(companyId)?.domain ?? 'unknown'}.pipedrive.com`,
  });
  const reset = (seed: string) => {
    companies.clear();
    oauth.reset();
    limiter.reset();
    webhooks.reset();
    if (seed === 'demo') {
      for (const company of seedDemoCompanies(now())) companies.add(company);
      oauth.registerApp(demoApp, true);
    }
    for (const app of options.apps ?? []) oauth.registerApp(app);
  };
  const core = createSandboxCore({
    clock,
    ...(options.logLevel !== undefined && { logLevel: options.logLevel }),
    respondToFault: (reply, status, rule) => {
      if (status === 429) reply.header('retry-after', String(rule.retryAfter));
      const message = {
        429: 'Request over limit',
        500: 'Internal server error',
        503: 'Service unavailable',
      }[status];
      return reply.code(status).send(errorEnvelope(message));
    },
    reset,
  });
  reset(options.seed ?? 'demo');

  const ops = new DealOps(companies, now);
  const apiDeps = { oauth, companies, limiter, now };
  const sandbox: PipedriveSandbox = {
    ...core,
    companies,
    oauth,
    limiter,
    webhooks,
    onChange: (listener) => companies.onChange(listener),
    findApp: (clientId) => oauth.findApp(clientId),
    onUninstall: (listener) => oauth.onUninstall(listener),
    listInstallations: () => oauth.listInstallations(),
    removeInstallation: (companyId, userId, clientId) =>
      oauth.dropInstallation(companyId, userId, clientId),
    addApiRoutes: (routes) => registerApiRoutes(core.app, apiDeps, routes),
  };

  // Uninstall (§1.9, D-WHAPP): tokens and the app's webhooks go, then the app gets its DELETE.
  const uninstallDeps = {
    clock,
    findApp: sandbox.findApp,
    revokeTokens: (clientId: string, who: { companyId: number; userId: number }) =>
      sandbox.removeInstallation(who.companyId, who.userId, clientId),
    removeAppWebhooks: (clientId: string, who: { companyId: number; userId: number }) =>
      webhooks.removeForApp(who.companyId, clientId, who.userId),
  };
  sandbox.onChange(webhooks.listener);
  // A refresh-token revoke (§1.8) has already dropped the tokens; the rest of the uninstall follows.
  sandbox.onUninstall((installation) => {
    const app = oauth.findApp(installation.clientId);
    // Pipedrive calls the app back in the background; the delivery records its outcome and never
    // throws (common/http-delivery.ts), so there is nothing to wait for.
    if (app) void uninstallApp(app, installation, uninstallDeps);
  });

  registerOAuthRoutes(core.app, oauth, companies);
  sandbox.addApiRoutes([
    ...dealRoutes(companies, ops, now),
    ...dealLineRoutes(ops),
    ...contactRoutes(companies, now),
    ...catalogueRoutes(companies, now),
    ...v1Routes(companies, now),
    ...webhookRoutes(webhooks, now),
  ]);
  registerControlRoutes(core.app, { companies, oauth, ops, now });
  registerCompanyControlRoutes(core.app, { companies, limiter, now });
  registerPipedriveWebhookControlRoutes(core.app, webhooks, clock);
  registerPipedriveUninstallRoute(core.app, uninstallDeps);
  registerPipedriveExtensionControlRoutes(core.app, {
    clock,
    findApp: sandbox.findApp,
    defaultViewer: { companyId: DEMO_COMPANY_ID, userId: DEMO_USER_ID },
  });

  // Anything else under an API prefix — including the v1 endpoints out of support since
  // 2026-08-01 (/v1/deals, /v1/products, …) — is a 404 error envelope (§9 item 20).
  core.app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (/^(\/c\/[^/]+)?(\/api)?\/v[12]\//.test(path))
      return reply.code(404).send(errorEnvelope('Unknown method .'));
    return reply.code(404).send({ error: `no route ${request.method} ${path}` });
  });
  return sandbox;
}
