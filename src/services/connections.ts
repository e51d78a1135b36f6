import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { PipedriveClient } from '../pipedrive/client.js';
import { PipedriveOAuth } from '../pipedrive/oauth.js';
import { RatePacer } from '../pipedrive/rate-timing.js';
import { PipedriveTokenManager } from '../pipedrive/token-manager.js';
import type { SecretBox } from '../secrets.js';
import { type Db, dialectOf } from '../store/db.js';
import { createXeroClient, type XeroClient } from '../xero/client.js';
import { inXeroLane } from '../xero/lane.js';
import {
  createTenantLimiter,
  type TenantLimiterOptions,
  type XeroTenantLimiter,
} from '../xero/rate-limiter.js';
import { requireCompany } from './company.js';
import { createPipedriveTokenPort } from './pipedrive-token-port.js';
import { type VendorCall, vendorFetch } from './vendor-fetch.js';
import { createSharedTenantLimiter } from './xero-shared-limiter.js';
import { createXeroTokenPort } from './xero-token-port.js';

/**
 * The vendor clients of one process, over the store's durable token ports.
 *
 * - Xero: one client for every company (its token port is keyed by company id and each call names
 *   the tenant), with one XeroTenantLimiter shared by all jobs — and, on PostgreSQL, by every
 *   process (xero-shared-limiter.ts) — so each organisation stays inside Xero's limits
 *   (docs/vendors/xero.md §7) however many jobs and processes run at once.
 * - Pipedrive: one client per company (its API host is the company's api_domain), sharing one
 *   token manager (single-flight refresh) and one rate pacer per company.
 */
export interface Connections {
  xero: XeroClient;
  limiter: XeroTenantLimiter;
  pipedriveOAuth: PipedriveOAuth;
  pipedriveTokens: PipedriveTokenManager;
  /** The company's client; throws `pipedrive_not_connected` when it has no usable grant. */
  pipedriveFor(companyId: number): Promise<PipedriveClient>;
  /** A client with a token not stored yet (during install, before the company exists). */
  pipedriveWithToken(apiDomain: string, accessToken: string): PipedriveClient;
}

export interface ConnectionsDeps {
  config: Pick<Config, 'pipedrive' | 'xero' | 'worker'>;
  db: Db;
  box: SecretBox;
  clock: Clock;
  logger: Logger;
  fetch?: typeof fetch;
  /** Told of every call to a vendor (services/metrics.ts). */
  observeCall?: (call: VendorCall) => void;
  /** Xero's limits as the limiter keeps them; Xero's own by default (tests lower them). */
  xeroLimits?: XeroLimitOptions;
}

export type XeroLimitOptions = Omit<TenantLimiterOptions, 'clock' | 'sleep'>;

export function createConnections(deps: ConnectionsDeps): Connections {
  const { config, db, box, clock, logger } = deps;
  const inner = deps.fetch ?? fetch;
  const xeroFetch = { fetch: vendorFetch(inner, 'xero', deps.observeCall) };
  const fetchOption = { fetch: vendorFetch(inner, 'pipedrive', deps.observeCall) };
  // One process (SQLite) paces its own calls; on PostgreSQL every process shares one budget. Both
  // bring deferred jobs back as many at once as a worker runs, so their documents can share a
  // request (rate-budget.ts deferral).
  const limits = { clock, returnGroup: config.worker.concurrency, ...deps.xeroLimits };
  const limiter =
    dialectOf(db) === 'postgres'
      ? createSharedTenantLimiter({ db, ...limits })
      : createTenantLimiter(limits);
  let xero: XeroClient | undefined;
  const pipedriveOAuth = new PipedriveOAuth(
    {
      oauthBaseUrl: config.pipedrive.oauthUrl,
      clientId: config.pipedrive.clientId,
      clientSecret: config.pipedrive.clientSecret,
    },
    { clock, ...fetchOption },
  );
  const pipedriveTokens = new PipedriveTokenManager({
    port: createPipedriveTokenPort({ db, box, clock }),
    oauth: pipedriveOAuth,
    clock,
  });
  const pacers = new Map<number, RatePacer>();
  const clients = new Map<string, PipedriveClient>();

  return {
    // Made on first use: openapi-fetch reads globalThis.Request as the client is created, which
    // loads Node's fetch implementation, and a process that has not called Xero yet need not hold
    // it (idle memory, issue 12).
    get xero() {
      xero ??= createXeroClient({
        baseUrls: config.xero.baseUrls,
        clientId: config.xero.clientId,
        clientSecret: config.xero.clientSecret,
        clock,
        tokens: createXeroTokenPort({ db, box, clock }),
        limiter,
        logger,
        ...xeroFetch,
      });
      return xero;
    },
    limiter,
    pipedriveOAuth,
    pipedriveTokens,
    async pipedriveFor(companyId) {
      const company = await requireCompany(db, companyId);
      // Keyed by api_domain too: a reinstall may move the company to another host (§1.5).
      const key = `${companyId}@${company.apiDomain}`;
      const cached = clients.get(key);
      if (cached !== undefined) return cached;
      const pacer = pacers.get(companyId) ?? new RatePacer();
      pacers.set(companyId, pacer);
      const client = new PipedriveClient({
        apiDomain: company.apiDomain,
        tokens: pipedriveTokens.forConnection(String(companyId)),
        clock,
        pacer,
        ...fetchOption,
      });
      clients.set(key, client);
      return client;
    },
    pipedriveWithToken(apiDomain, accessToken) {
      const fixed = async () => accessToken;
      return new PipedriveClient({
        apiDomain,
        tokens: { accessToken: fixed, refreshAfterRejection: fixed },
        clock,
        ...fetchOption,
      });
    },
  };
}

/**
 * Runs work a person is waiting on (an HTTP request: a settings save, a panel, a preview): its
 * Xero calls go in the interactive lane, which background jobs leave room in (xero/rate-budget.ts),
 * so they are answered at once during a backlog.
 */
export function whileAPersonWaits<T>(work: () => T): T {
  return inXeroLane('interactive', work);
}

/** Runs a job: background, whichever context started it (an enqueue inside a request, say). */
export function asBackgroundWork<T>(work: () => T): T {
  return inXeroLane('background', work);
}
