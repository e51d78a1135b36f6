import { randomUUID } from 'node:crypto';

import { SandboxClock } from '../../sandbox/common/clock.js';
import type { LoggedRequest } from '../../sandbox/common/request-log.js';
import { listenSandbox, type RunningSandbox } from '../../sandbox/common/server.js';
import { buildPipedriveSandbox } from '../../sandbox/pipedrive/server.js';
import { DEMO_COMPANY_ID, demoApp } from '../../sandbox/pipedrive/store/seed-demo.js';
import { DEMO_XERO_APP } from '../../sandbox/xero/apps.js';
import { DEMO_TENANT_A } from '../../sandbox/xero/seed.js';
import { buildXeroSandbox } from '../../sandbox/xero/server.js';
import type { Clock } from '../../src/clock.js';
import { createLogger } from '../../src/logger.js';
import { PipedriveClient } from '../../src/pipedrive/client.js';
import { PipedriveOAuth } from '../../src/pipedrive/oauth.js';
import { PipedriveTokenManager } from '../../src/pipedrive/token-manager.js';
import { InMemoryPipedriveTokenStore } from '../../src/pipedrive/token-store-memory.js';
import type { PipedriveDeal } from '../../src/pipedrive/types.js';
import type { DialectName } from '../../src/store/db.js';
import { upsertCompany } from '../../src/store/repos/companies.js';
import { listOverdueDealNotes } from '../../src/store/repos/deal-notes.js';
import { createRun } from '../../src/store/repos/runs.js';
import { getUsage, usageMonth } from '../../src/store/repos/usage.js';
import { OrgReferenceCache } from '../../src/sync/org-reference-cache.js';
import type { AppLinks, DocumentJob, SyncDeps } from '../../src/sync/ports.js';
import { type Settings, type SettingsInput, settingsSchema } from '../../src/sync/settings.js';
import { deliverDealNote, type NoteDelivery } from '../../src/sync/usecases/deliver-deal-note.js';
import { createXeroClient, type XeroClient } from '../../src/xero/client.js';
import { createTenantLimiter } from '../../src/xero/rate-limiter.js';
import { InMemoryXeroTokenStore } from '../../src/xero/token-store-memory.js';
import { approveInstall } from '../integration/pipedrive-client-helpers.js';
import { createTestStore, type TestStore } from './each-dialect.js';
import type { SandboxBooks, SandboxContact, SandboxItem } from './vendor-shapes.js';

/**
 * The use cases wired to real things: both sandboxes over loopback HTTP (one frozen clock shared
 * with the app, so nothing waits on wall time), the real PipedriveClient and XeroClient holding
 * tokens got through each sandbox's OAuth (auto-approved) in in-memory token stores, and a migrated
 * store (SQLite in a temporary file unless told otherwise). Rate limits are lifted: these tests count calls, not waits.
 * Deal notes are delivered as soon as a use case hands them over, as a deal-note job would be;
 * `deliverNotes` plays the retries of those that failed.
 */

export const COMPANY_ID = DEMO_COMPANY_ID;
export const TENANT_ID = DEMO_TENANT_A;
export const SHORT_CODE = '!kCt7Q';

export const testLinks: AppLinks = {
  dealUrl: (domain, dealId) => `https://${domain}.pipedrive.com/deal/${dealId}`,
  replayUrl: (companyId, runId) => `http://app.test/companies/${companyId}/runs/${runId}/replay`,
  xeroDocumentUrl: (shortCode, kind, id) =>
    `https://go.xero.com/app/${encodeURIComponent(shortCode ?? '')}/${kind === 'invoice' ? 'invoicing' : 'quotes'}/view/${id}`,
  xeroContactUrl: (shortCode, contactId) =>
    shortCode === null
      ? undefined
      : `https://go.xero.com/app/${encodeURIComponent(shortCode)}/contacts/contact/${contactId}`,
};

export interface SyncKit {
  clock: SandboxClock;
  store: TestStore;
  xeroUrl: string;
  pipedriveUrl: string;
  pipedrive: PipedriveClient;
  xero: XeroClient;
  /** SyncDeps for the demo company with these settings; `cache` defaults to the kit's own. */
  deps(settings?: SettingsInput, cache?: OrgReferenceCache): SyncDeps;
  cache: OrgReferenceCache;
  /** A queued run and its job, as the webhook intake would make them. */
  newJob(dealId: number, kind?: 'invoice' | 'quote', triggerKey?: string): Promise<DocumentJob>;
  usage(): Promise<number>;
  /**
   * Delivers every note still owed, once each, as the sweep and the deal-note jobs would: how each
   * delivery ended, `retry` where it threw for the queue to retry.
   */
  deliverNotes(): Promise<(NoteDelivery['status'] | 'retry')[]>;
  xeroDocuments(): Promise<SandboxBooks>;
  xeroContacts(): Promise<SandboxContact[]>;
  xeroItems(): Promise<SandboxItem[]>;
  notes(dealId: number): Promise<{ id: number; content: string }[]>;
  /** The deal as Pipedrive's v2 API answers it. */
  sandboxDeal(dealId: number): Promise<PipedriveDeal>;
  xeroRequests(sinceSeq?: number): Promise<LoggedRequest[]>;
  lastXeroSeq(): Promise<number>;
  pipedriveRequests(sinceSeq?: number): Promise<LoggedRequest[]>;
  lastPipedriveSeq(): Promise<number>;
  fault(rule: Record<string, unknown>): Promise<void>;
  pipedriveFault(rule: Record<string, unknown>): Promise<void>;
  /** The Pipedrive sandbox's control API; its answers differ per route, so the test shapes them. */
  pdControl(method: string, path: string, body?: unknown): Promise<any>;
  close(): Promise<void>;
}

/** `dialect`: the store's (SQLite by default; PostgreSQL needs TEST_DATABASE_URL, each-dialect.ts). */
export async function startSyncKit(options: { dialect?: DialectName } = {}): Promise<SyncKit> {
  const clock = new SandboxClock(Date.UTC(2026, 0, 5, 9, 0, 0));
  clock.setRate(1e-9);
  const appClock: Clock = { now: () => clock.date() };
  const sleep = async (ms: number) => void clock.advance(ms);

  const xeroSandbox = buildXeroSandbox({
    clock,
    autoApprove: true,
    limits: { perMinutePerTenant: 100_000, perMinutePerApp: 1_000_000, perDayPerTenant: 1_000_000 },
  });
  const pipedriveSandbox = buildPipedriveSandbox({
    clock,
    limits: { burstPerToken: 100_000, dailyTokenBudget: 10_000_000 },
  });
  const running: RunningSandbox[] = [];
  const xeroRun = await listenSandbox(xeroSandbox);
  running.push(xeroRun);
  const pdRun = await listenSandbox(pipedriveSandbox);
  running.push(pdRun);
  const xeroUrl = xeroRun.url;
  const pipedriveUrl = pdRun.url;

  const xeroTokens = new InMemoryXeroTokenStore();
  const xero = createXeroClient({
    baseUrls: {
      login: xeroUrl,
      identity: xeroUrl,
      api: xeroUrl,
      accounting: `${xeroUrl}/api.xro/2.0`,
    },
    clientId: DEMO_XERO_APP.clientId,
    clientSecret: DEMO_XERO_APP.clientSecret,
    clock: appClock,
    tokens: xeroTokens,
    limiter: createTenantLimiter({ clock: appClock, sleep, perMinute: 100_000 }),
  });
  const redirectUri = 'http://localhost:3000/oauth/xero/callback';
  const consent = await fetch(xero.oauth.authorizeUrl({ state: 's', redirectUri }), {
    redirect: 'manual',
  });
  const code = new URL(consent.headers.get('location') ?? 'http://invalid/').searchParams.get(
    'code',
  );
  if (!code) throw new Error(`Xero consent failed: ${consent.status}`);
  xeroTokens.put(String(COMPANY_ID), await xero.oauth.exchangeCode(code, redirectUri));

  const oauth = new PipedriveOAuth(
    { oauthBaseUrl: pipedriveUrl, clientId: demoApp.clientId, clientSecret: demoApp.clientSecret },
    { clock: appClock },
  );
  const pdTokens = await oauth.exchangeCode(await approveInstall(oauth), demoApp.callbackUrl);
  const pdStore = new InMemoryPipedriveTokenStore();
  await pdStore.save('pipedrive:7001', pdTokens);
  const manager = new PipedriveTokenManager({ port: pdStore, oauth, clock: appClock });
  const pipedrive = new PipedriveClient({
    apiDomain: pdTokens.apiDomain,
    tokens: manager.forConnection('pipedrive:7001'),
    clock: appClock,
    sleep,
  });

  const store = await createTestStore(options.dialect ?? 'sqlite');
  await upsertCompany(store.db, {
    id: COMPANY_ID,
    domain: 'kauricoast',
    apiDomain: pdTokens.apiDomain,
    installedAt: appClock.now(),
  });
  const logger = createLogger('silent');
  const cache = new OrgReferenceCache();
  const noteDeps = { db: store.db, clock: appClock, logger, pipedrive };
  const deliver = (companyId: number, noteId: string) =>
    deliverDealNote(noteDeps, { companyId, noteId }, `kit-${randomUUID()}`);
  const json = async (url: string, init?: RequestInit) => {
    const response = await fetch(url, init);
    if (!response.ok)
      throw new Error(
        `${init?.method ?? 'GET'} ${url}: ${response.status} ${await response.text()}`,
      );
    return response.json() as Promise<any>;
  };

  return {
    clock,
    store,
    xeroUrl,
    pipedriveUrl,
    pipedrive,
    xero,
    cache,
    deps(settings = {}, withCache = cache): SyncDeps {
      const parsed: Settings = settingsSchema.parse(settings);
      return {
        db: store.db,
        clock: appClock,
        logger,
        pipedrive,
        xero,
        company: { id: COMPANY_ID, domain: 'kauricoast', settings: parsed },
        tenant: {
          companyId: COMPANY_ID,
          tenantId: TENANT_ID,
          tenantName: 'Kauri Coast Trading Ltd',
          shortCode: SHORT_CODE,
        },
        links: testLinks,
        notes: {
          async dispatch(companyId, noteId) {
            await deliver(companyId, noteId);
          },
        },
        orgReference: withCache,
      };
    },
    async deliverNotes() {
      const now = appClock.now();
      const owed = await listOverdueDealNotes(store.db, { dueBefore: now, now, limit: 1000 });
      const deliveries: (NoteDelivery['status'] | 'retry')[] = [];
      for (const note of owed) {
        const delivery = await deliver(note.companyId, note.id).catch(() => undefined);
        deliveries.push(delivery?.status ?? 'retry');
      }
      return deliveries;
    },
    async newJob(dealId, kind = 'invoice', triggerKey = 'stage-2') {
      const run = await createRun(
        store.db,
        { companyId: COMPANY_ID, kind, dealId, triggerKey },
        appClock.now(),
      );
      return { runId: run.id, dealId, triggerKey, kind };
    },
    usage: () => getUsage(store.db, COMPANY_ID, usageMonth(appClock.now())),
    xeroDocuments: () => json(`${xeroUrl}/__sandbox/xero/tenants/${TENANT_ID}/documents`),
    async xeroContacts() {
      const token = (await xeroTokens.load(String(COMPANY_ID)))?.accessToken ?? '';
      const body = await json(`${xeroUrl}/api.xro/2.0/Contacts?includeArchived=true`, {
        headers: {
          authorization: `Bearer ${token}`,
          'xero-tenant-id': TENANT_ID,
          accept: 'application/json',
        },
      });
      return body.Contacts;
    },
    async xeroItems() {
      const token = (await xeroTokens.load(String(COMPANY_ID)))?.accessToken ?? '';
      const body = await json(`${xeroUrl}/api.xro/2.0/Items`, {
        headers: {
          authorization: `Bearer ${token}`,
          'xero-tenant-id': TENANT_ID,
          accept: 'application/json',
        },
      });
      return body.Items;
    },
    async notes(dealId) {
      const body = await json(
        `${pipedriveUrl}/__sandbox/pipedrive/companies/${COMPANY_ID}/deals/${dealId}/notes`,
      );
      return body.data ?? body.notes ?? body;
    },
    async sandboxDeal(dealId) {
      const body = await json(`${pdTokens.apiDomain}/api/v2/deals/${dealId}`, {
        headers: {
          authorization: `Bearer ${(await manager.current('pipedrive:7001')).accessToken}`,
        },
      });
      return body.data;
    },
    xeroRequests: (sinceSeq) => requestsSince(xeroUrl, sinceSeq),
    lastXeroSeq: () => lastSeq(xeroUrl),
    pipedriveRequests: (sinceSeq) => requestsSince(pipedriveUrl, sinceSeq),
    lastPipedriveSeq: () => lastSeq(pipedriveUrl),
    async fault(rule) {
      await json(`${xeroUrl}/__sandbox/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(rule),
      });
    },
    async pipedriveFault(rule) {
      await json(`${pipedriveUrl}/__sandbox/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(rule),
      });
    },
    pdControl: (method, path, body) =>
      json(`${pipedriveUrl}/__sandbox/pipedrive/companies/${COMPANY_ID}${path}`, {
        method,
        ...(body !== undefined && {
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
      }),
    async close() {
      await store.destroy();
      await Promise.all(running.map((server) => server.close()));
    },
  };
}

/** The Xero calls of a slice of the request log, as "METHOD /path" lines (OAuth excluded). */
export function accountingCalls(requests: readonly LoggedRequest[]): string[] {
  return requests
    .filter((request) => request.path.startsWith('/api.xro/2.0/'))
    .map((request) => `${request.method} ${request.path.replace('/api.xro/2.0', '')}`);
}

async function requestsSince(url: string, sinceSeq?: number): Promise<LoggedRequest[]> {
  const query = sinceSeq === undefined ? '' : `?since=${sinceSeq}`;
  const response = await fetch(`${url}/__sandbox/requests${query}`);
  return ((await response.json()) as { requests: LoggedRequest[] }).requests;
}

async function lastSeq(url: string): Promise<number> {
  return (await requestsSince(url)).at(-1)?.seq ?? 0;
}
