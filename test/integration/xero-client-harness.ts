import assert from 'node:assert/strict';

import type { LoggedRequest } from '../../sandbox/common/request-log.js';
import { DEMO_XERO_APP } from '../../sandbox/xero/apps.js';
import { DEMO_TENANT_A } from '../../sandbox/xero/seed.js';
import type { XeroSandboxOptions } from '../../sandbox/xero/server.js';
import type { Clock } from '../../src/clock.js';
import { createXeroClient, type XeroClientDeps } from '../../src/xero/client.js';
import { createTenantLimiter, type TenantLimiterOptions } from '../../src/xero/rate-limiter.js';
import { InMemoryXeroTokenStore } from '../../src/xero/token-store-memory.js';
import { REDIRECT_URI, type StartedXero, startXero } from './xero-sandbox-helpers.js';

/**
 * The app's Xero client wired to a Xero sandbox over loopback. One clock for both sides (the
 * sandbox's, frozen), and a limiter whose waits are recorded and move that clock instead of
 * sleeping, so tests assert on the wait Xero asked for, never on wall-clock time.
 */
export interface ClientHarness {
  xero: StartedXero;
  url: string;
  clock: Clock;
  store: InMemoryXeroTokenStore;
  client: ReturnType<typeof createXeroClient>;
  /** Every wait the limiter asked for, in ms. */
  waits: number[];
  ref: { companyId: string; tenantId: string };
  requests(path?: string): Promise<LoggedRequest[]>;
  close(): Promise<void>;
}

export async function startClientHarness(
  options: {
    sandbox?: XeroSandboxOptions;
    limiter?: Partial<TenantLimiterOptions>;
    client?: Partial<XeroClientDeps>;
    tokens?: InMemoryXeroTokenStore;
  } = {},
): Promise<ClientHarness> {
  const xero = await startXero({ autoApprove: true, ...options.sandbox });
  const { url } = xero;
  const clock: Clock = { now: () => xero.sandbox.clock.date() };
  const waits: number[] = [];
  const sleep = async (ms: number) => {
    waits.push(ms);
    xero.sandbox.clock.advance(ms);
  };
  const store = options.tokens ?? new InMemoryXeroTokenStore();
  const client = createXeroClient({
    baseUrls: { login: url, identity: url, api: url, accounting: `${url}/api.xro/2.0` },
    clientId: DEMO_XERO_APP.clientId,
    clientSecret: DEMO_XERO_APP.clientSecret,
    clock,
    tokens: store,
    limiter: createTenantLimiter({ clock, sleep, ...options.limiter }),
    ...options.client,
  });
  return {
    xero,
    url,
    clock,
    store,
    client,
    waits,
    ref: { companyId: 'company-1', tenantId: DEMO_TENANT_A },
    async requests(path) {
      const query = path === undefined ? '' : `?${new URLSearchParams({ path })}`;
      const response = await fetch(`${url}/__sandbox/requests${query}`);
      return ((await response.json()) as { requests: LoggedRequest[] }).requests;
    },
    close: () => xero.close(),
  };
}

/** Consent through the sandbox (auto-approved), exchange the code, store the pair for the company. */
export async function connectCompany(harness: ClientHarness, companyId = harness.ref.companyId) {
  const { client, store } = harness;
  const consent = await fetch(
    client.oauth.authorizeUrl({ state: 'st-42', redirectUri: REDIRECT_URI }),
    { redirect: 'manual' },
  );
  assert.equal(consent.status, 302, await consent.text());
  const back = new URL(consent.headers.get('location') ?? '');
  assert.equal(back.searchParams.get('state'), 'st-42');
  const tokens = await client.oauth.exchangeCode(back.searchParams.get('code') ?? '', REDIRECT_URI);
  store.put(companyId, tokens);
  return tokens;
}
