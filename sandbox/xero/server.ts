import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import { SandboxClock } from '../common/clock.js';
import type { StatusFaultResponder } from '../common/faults.js';
import { createSandboxCore, type SandboxCore } from '../common/server.js';
import { sendNotFound } from './accounting/envelope.js';
import {
  registerAccountingControlRoutes,
  registerAccountingRoutes,
  XeroBooks,
} from './accounting/index.js';
import { DEMO_XERO_APPS, DEMO_XERO_USERS } from './apps.js';
import { XeroIdentity } from './identity/identity.js';
import { registerIdentityRoutes } from './identity/routes.js';
import { nzOrganisation } from './seed.js';
import { registerAccountingTransport } from './transport/accounting-transport.js';
import { IdempotencyStore } from './transport/idempotency.js';
import { problem, RATE_LIMIT_BODY } from './transport/problems.js';
import { XeroRateLimiter, type XeroRateLimits } from './transport/rate-limiter.js';
import { registerXeroWebRoutes } from './web/routes.js';
import { registerXeroWebhookControlRoutes } from './webhooks/control-routes.js';
import { XeroWebhooks } from './webhooks/xero-webhooks.js';
import type { XeroAppSeed, XeroUserSeed } from './world.js';

export const ACCOUNTING_PREFIX = '/api.xro/2.0';

export interface XeroSandboxOptions {
  clock?: SandboxClock;
  /** pino level for the server's own logs; 'silent' by default. */
  logLevel?: string;
  /** Books seed: 'demo' (DEMO.md organisations) by default, or 'empty'. */
  seed?: 'demo' | 'empty';
  /** Registered apps; default the demo app of apps.ts. */
  apps?: XeroAppSeed[];
  /** Logins; default the demo users of apps.ts (the first one logs in by default). */
  users?: XeroUserSeed[];
  /** Overrides of docs/vendors/xero.md §7 limits (e.g. `{ perDayPerTenant: 1000 }` for a Starter app). */
  limits?: Partial<XeroRateLimits>;
  /** How long a rotated refresh token stays usable; default 30 min. */
  rotationGraceMs?: number;
  /** Idempotency-Key lifetime; default 6 min. */
  idempotencyTtlMs?: number;
  /** Skip the consent page: GET authorize 302s straight back with a code. Default false. */
  autoApprove?: boolean;
  /**
   * Test seam: extra routes registered inside the accounting scope, behind the transport hooks
   * (e.g. a route that holds its response to test concurrency). Not used by the app.
   */
  extraAccountingRoutes?: (scope: FastifyInstance) => void;
}

export type XeroSandbox = SandboxCore & {
  identity: XeroIdentity;
  books: XeroBooks;
  limiter: XeroRateLimiter;
  idempotency: IdempotencyStore;
  /**
   * Webhook delivery to every subscribed app connected to the changed organisation. Its
   * `resourceUrl`s point at this server: the base is set from the listening address when the
   * server starts listening (onListen), and stays https://api.xero.com until then.
   */
  webhooks: XeroWebhooks;
};

/** Injected faults in Xero's shapes (docs/vendors/xero.md §6, §7). */
const respondToFault: StatusFaultResponder = (reply, status, rule) => {
  if (status === 429) {
    return reply
      .code(429)
      .header('x-rate-limit-problem', 'minute')
      .header('retry-after', String(rule.retryAfter))
      .type('text/plain; charset=utf-8')
      .send(RATE_LIMIT_BODY);
  }
  const title = status === 500 ? 'An error occurred' : 'Service Unavailable';
  const detail =
    status === 500
      ? 'An error occurred in Xero. Check the API Status page http://status.developer.xero.com for current service status.'
      : 'The Xero API is temporarily unavailable (sandbox fault injection).';
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send(problem(status, title, detail));
};

export function buildXeroSandbox(options: XeroSandboxOptions = {}): XeroSandbox {
  const clock = options.clock ?? new SandboxClock();
  // docs/vendors/xero.md §14: Xero notifies the apps connected to the organisation, and only those.
  const isConnected = (clientId: string, tenantId: string): boolean =>
    identity.grants
      .list()
      .some(
        (grant) =>
          grant.clientId === clientId &&
          grant.connections.some((connection) => connection.tenantId === tenantId),
      );
  const webhookKeyOf = (clientId: string): string | undefined => identity.app(clientId)?.webhookKey;
  const webhooks = new XeroWebhooks({ clock, isConnected, webhookKeyOf });
  // ProviderName in the envelope is the calling app's name (docs/vendors/xero.md §2); identity is built next.
  const appName = (clientId: string): string | undefined => identity.app(clientId)?.name;
  const books = new XeroBooks({ clock, onChange: webhooks.listener, appName });
  books.reset(options.seed ?? 'demo');
  const tenantInfo = (tenantId: string) =>
    books.tenants().find((tenant) => tenant.tenantId === tenantId);
  const identity = new XeroIdentity({
    clock,
    apps: options.apps ?? DEMO_XERO_APPS,
    users: options.users ?? DEMO_XERO_USERS,
    tenantInfo,
    ...(options.rotationGraceMs !== undefined && { rotationGraceMs: options.rotationGraceMs }),
    ...(options.autoApprove !== undefined && { autoApprove: options.autoApprove }),
  });
  // Seeded apps with a webhookUrl are subscribed from the start (Developer portal set-up).
  const configureWebhooks = () => {
    for (const seeded of identity.listApps()) webhooks.configure(seeded);
  };
  configureWebhooks();
  const limiter = new XeroRateLimiter(clock, options.limits);
  const idempotency = new IdempotencyStore(clock, options.idempotencyTtlMs);

  const core = createSandboxCore({
    clock,
    ...(options.logLevel !== undefined && { logLevel: options.logLevel }),
    respondToFault,
    reset: (seed) => {
      webhooks.reset();
      books.reset(seed === 'empty' ? 'empty' : 'demo');
      identity.reset();
      limiter.reset();
      idempotency.clear();
      configureWebhooks();
    },
  });
  const { app } = core;
  // resourceUrl must lead back to this server (docs/vendors/xero.md §14), whatever port it was given.
  app.addHook('onListen', async () => {
    webhooks.setApiBaseUrl(`${app.listeningOrigin}${ACCOUNTING_PREFIX}`);
  });

  registerIdentityRoutes(app, identity, tenantInfo);
  registerXeroControlRoutes(app, { limiter, idempotency, books, identity });
  registerAccountingControlRoutes(app, books);
  registerXeroWebhookControlRoutes(app, webhooks);
  registerXeroWebRoutes(app, books);
  app.register(
    async (scope) => {
      registerAccountingTransport(scope, { identity, limiter, idempotency, clock });
      registerAccountingRoutes(scope, books);
      options.extraAccountingRoutes?.(scope);
      // Unknown Accounting paths still pass the transport hooks, then get Xero's plain-text 404.
      scope.setNotFoundHandler((_request, reply) => sendNotFound(reply));
    },
    { prefix: ACCOUNTING_PREFIX },
  );

  return { ...core, identity, books, limiter, idempotency, webhooks };
}

const limitsChange = z.strictObject({
  concurrentPerTenant: z.number().int().positive().optional(),
  perMinutePerTenant: z.number().int().positive().optional(),
  perDayPerTenant: z.number().int().positive().optional(),
  perMinutePerApp: z.number().int().positive().optional(),
});

const organisationBody = z.strictObject({
  tenantId: z.uuid(),
  name: z.string().min(1),
  shortCode: z.string().min(1),
  currencies: z.array(z.string().length(3)).min(1).default(['NZD']),
  /** Logins that may connect it. */
  users: z.array(z.string().min(1)).min(1),
});

function registerXeroControlRoutes(
  app: FastifyInstance,
  parts: {
    limiter: XeroRateLimiter;
    idempotency: IdempotencyStore;
    books: XeroBooks;
    identity: XeroIdentity;
  },
): void {
  // One more New Zealand organisation with reference data only (as the 'empty' seed has), which
  // the given logins may connect; gone again on reset.
  app.post('/__sandbox/xero/organisations', async (request, reply) => {
    const input = organisationBody.parse(request.body ?? {});
    const unknown = input.users.filter((email) => !parts.identity.userByEmail(email));
    if (unknown.length > 0)
      return reply.code(400).send({ error: `no Xero login for ${unknown.join(', ')}` });
    const seed = nzOrganisation({
      tenantId: input.tenantId,
      Name: input.name,
      ShortCode: input.shortCode,
      currencies: input.currencies,
    });
    if (!parts.books.addOrganisation(seed))
      return reply.code(409).send({ error: `organisation ${input.tenantId} already exists` });
    for (const email of input.users) parts.identity.grantTenant(email, input.tenantId);
    return reply.code(201).send({ tenantId: input.tenantId, name: input.name });
  });
  app.get('/__sandbox/xero/idempotency', async () => ({ keys: parts.idempotency.list() }));
  app.get('/__sandbox/xero/limits', async () => ({ limits: parts.limiter.current() }));
  app.post('/__sandbox/xero/limits', async (request) => {
    const change = limitsChange.parse(request.body ?? {});
    const defined = Object.fromEntries(
      Object.entries(change).filter(([, value]) => value !== undefined),
    );
    return { limits: parts.limiter.setLimits(defined) };
  });
}
