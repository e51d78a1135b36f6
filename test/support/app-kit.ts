import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DEMO_COMPANY_ID, DEMO_USER_ID } from '../../sandbox/pipedrive/store/seed-demo.js';
import { type RunningSandboxes, startSandboxes } from '../../sandbox/start.js';
import { DEMO_XERO_APP } from '../../sandbox/xero/apps.js';
import { DEMO_TENANT_A } from '../../sandbox/xero/seed.js';
import { type App, type AppOverrides, createApp } from '../../src/app.js';
import {
  choosePickerTenant,
  CookieJar,
  type Hop,
  hop,
  sessionHeaders,
  walkPipedriveInstall,
  walkXeroConnect,
} from '../../src/cli/oauth-walk.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { nextEvent, type QueueEvents } from '../../src/queue/events.js';
import { createApiKey } from '../../src/services/api-keys.js';
import { xeroConnectUrl } from '../../src/services/links.js';
import { updateCompanySettings } from '../../src/store/repos/companies.js';
import { parseSettings, type SettingsInput } from '../../src/sync/settings.js';
import type { SandboxBooks, SandboxNote } from './vendor-shapes.js';

/**
 * The whole app against both sandboxes, over real HTTP on loopback: sandboxes on port 0, the app on
 * port 0 with a temporary SQLite store, its own Pipedrive app registered in the sandbox (so the
 * uninstall DELETE reaches this app), and helpers that install and connect through the real OAuth
 * flows (auto-approved consent pages). Access as docs/access.md has it: the install signs the
 * demo admin in (the kit's cookie jar carries that session into the Xero connect), `auth` is an
 * API key of the demo company, and `signIn` opens a page the way Pipedrive's iframe does.
 */
export const PIPEDRIVE_APP = {
  clientId: 'kit-pipedrive-client',
  clientSecret: 'kit-pipedrive-secret',
};
export const COMPANY = DEMO_COMPANY_ID;
export const TENANT_A = DEMO_TENANT_A;
/** Demo stage ids of the "Sales" pipeline (docs/demo-data.md). */
export const SALES = { pipelineId: 1, qualified: 1, proposal: 2, negotiation: 3, won: 4 } as const;

export interface AppKit {
  app: App;
  appUrl: string;
  sandboxes: RunningSandboxes;
  pipedriveUrl: string;
  xeroUrl: string;
  dir: string;
  encryptionKey: string;
  /** Environment that configures another process exactly like this app (same store and vendors). */
  env: Record<string, string>;
  /** Authorization header carrying an API key of the demo company (made by the first install). */
  readonly auth: { authorization: string };
  /** The demo admin, signed in through the sandbox's custom-UI host (made by `ready`). */
  readonly session: SignedIn;
  /** Signs a Pipedrive user in the way Pipedrive's iframe does (docs/vendors/pipedrive.md §7.4). */
  signIn(who?: { userId?: number; companyId?: number }): Promise<SignedIn>;
  /** The browser that installed (holds the installing admin's session and OAuth cookie). */
  jar: CookieJar;
  install(): Promise<Hop>;
  connectXero(tenantIds?: string[]): Promise<Hop>;
  choose(picker: Hop, tenantId: string): Promise<Hop>;
  setTriggers(input?: SettingsInput['triggers']): Promise<void>;
  /** A sandbox's control API; its answers differ per route, so the test shapes what it reads. */
  control(server: 'pipedrive' | 'xero', method: string, path: string, body?: unknown): Promise<any>;
  /** Moves the deal in the Pipedrive sandbox and, unless `flush` is false, waits for the webhooks. */
  moveDeal(dealId: number, stageId: number, options?: { flush?: boolean }): Promise<void>;
  /** Delivers held webhooks and waits for every delivery in flight. */
  flushWebhooks(): Promise<void>;
  documents(tenantId?: string): Promise<SandboxBooks>;
  /** The deal's notes in Pipedrive, once this app's worker has delivered every note it owes. */
  notes(dealId: number): Promise<SandboxNote[]>;
  /** Moves the sandboxes' clock (and, with `sharedClock`, the app's) forward. */
  advance(ms: number): void;
  /** Resolves when no note of the deal is owed (waits on this app's deal-note jobs). */
  notesDelivered(dealId: number): Promise<void>;
  next<E extends keyof QueueEvents>(
    event: E,
    accept?: (...args: QueueEvents[E]) => boolean,
  ): Promise<QueueEvents[E]>;
  close(): Promise<void>;
}

/** A signed-in browser: its cookies, the session's CSRF token, and fetch with both. */
export interface SignedIn {
  jar: CookieJar;
  csrf: string;
  /** The cookie and `x-csrf-token` headers, for JSON calls as this person. */
  headers: { cookie: string; 'x-csrf-token': string };
  fetch(url: string, init?: RequestInit): Promise<Response>;
}

export interface AppKitOptions {
  /** Install and connect Xero (tenant A) and set the demo triggers; default true. */
  ready?: boolean;
  /** Start the job runner; default true. */
  worker?: boolean;
  /** The store; default a SQLite file in the kit's temporary directory. */
  databaseUrl?: string;
  /** The app reads the sandboxes' clock, so `advance` moves its time too; default false. */
  sharedClock?: boolean;
  /** More configuration, e.g. `{ CATCH_UP_INTERVAL_MS: '1000' }`. */
  env?: Record<string, string>;
  /** Xero's limits as the app's limiter keeps them, e.g. `{ perMinute: 20 }`; Xero's by default. */
  xeroLimits?: AppOverrides['xeroLimits'];
}

export async function startAppKit(options: AppKitOptions = {}): Promise<AppKit> {
  const sandboxes = await startSandboxes({
    host: '127.0.0.1',
    pipedrivePort: 0,
    xeroPort: 0,
    seed: 'demo',
    logLevel: 'silent',
  });
  const pipedriveUrl = sandboxes.pipedrive.url;
  const xeroUrl = sandboxes.xero.url;
  const dir = mkdtempSync(join(tmpdir(), 'pdx-app-'));
  const encryptionKey = randomBytes(32).toString('base64');
  const env: Record<string, string> = {
    LOG_LEVEL: 'silent',
    DATABASE_URL: options.databaseUrl ?? `sqlite:${join(dir, 'app.db')}`,
    DATA_DIR: dir,
    ENCRYPTION_KEY: encryptionKey,
    PIPEDRIVE_CLIENT_ID: PIPEDRIVE_APP.clientId,
    PIPEDRIVE_CLIENT_SECRET: PIPEDRIVE_APP.clientSecret,
    PIPEDRIVE_OAUTH_URL: pipedriveUrl,
    XERO_CLIENT_ID: DEMO_XERO_APP.clientId,
    XERO_CLIENT_SECRET: DEMO_XERO_APP.clientSecret,
    XERO_WEBHOOK_KEY: DEMO_XERO_APP.webhookKey,
    XERO_LOGIN_URL: xeroUrl,
    XERO_IDENTITY_URL: xeroUrl,
    XERO_API_URL: xeroUrl,
    XERO_ACCOUNTING_URL: `${xeroUrl}/api.xro/2.0`,
    XERO_WEB_URL: xeroUrl,
    HOST: '127.0.0.1',
    ...options.env,
  };
  const config = loadConfig({ ...env, PORT: '0' });
  const clock = sandboxes.pipedrive.sandbox.clock;
  const app = await createApp(config, {
    logger: createLogger('silent'),
    pollIntervalMs: 200,
    ...(options.xeroLimits !== undefined && { xeroLimits: options.xeroLimits }),
    ...(options.sharedClock && {
      // Waits pass on the sandboxes' clock too (it may run faster than real time: setRate).
      clock: {
        now: () => clock.date(),
        sleep: (ms: number) =>
          new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms) / clock.getRate())),
      },
    }),
  });
  await app.listen();
  const appUrl = app.deps.publicUrl();
  env['PUBLIC_URL'] = appUrl;

  const control = async (
    server: 'pipedrive' | 'xero',
    method: string,
    path: string,
    body?: unknown,
  ) => {
    const base = server === 'pipedrive' ? pipedriveUrl : xeroUrl;
    const response = await fetch(`${base}${path}`, {
      method,
      ...(body !== undefined && {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
    return text === '' ? null : JSON.parse(text);
  };
  await control('pipedrive', 'POST', '/__sandbox/pipedrive/apps', {
    ...PIPEDRIVE_APP,
    name: 'pipedrive-xero (test)',
    callbackUrl: `${appUrl}/oauth/pipedrive/callback`,
    scopes: ['base', 'deals:full', 'products:read', 'contacts:full', 'admin', 'users:read'],
  });

  const jar = new CookieJar();
  let apiKey: string | undefined;
  let session: SignedIn | undefined;
  const signIn = async ({ userId = DEMO_USER_ID, companyId = COMPANY } = {}) => {
    const query = new URLSearchParams({
      clientId: PIPEDRIVE_APP.clientId,
      url: `${appUrl}/ui/settings`,
      companyId: String(companyId),
      userId: String(userId),
    });
    const frame = await control(
      'pipedrive',
      'GET',
      `/__sandbox/pipedrive/extensions/custom-ui-url?${query.toString()}`,
    );
    const browser = new CookieJar();
    const opened = await hop(frame.url, {}, browser);
    if (opened.status !== 303)
      throw new Error(`signing in user ${userId}: ${opened.status} ${opened.body.slice(0, 300)}`);
    const headers = await sessionHeaders(appUrl, browser, companyId);
    return {
      jar: browser,
      csrf: headers['x-csrf-token'],
      headers,
      fetch: (url: string, init: RequestInit = {}) =>
        fetch(url, { ...init, headers: { ...(init.headers as object), cookie: browser.header() } }),
    };
  };
  const kit: AppKit = {
    app,
    appUrl,
    sandboxes,
    pipedriveUrl,
    xeroUrl,
    dir,
    encryptionKey,
    env,
    jar,
    get auth() {
      if (apiKey === undefined)
        throw new Error('kit.auth exists once the demo company is installed');
      return { authorization: `Bearer ${apiKey}` };
    },
    get session() {
      if (session === undefined) throw new Error('kit.session exists once the kit is ready');
      return session;
    },
    signIn,
    async install() {
      const installed = await walkPipedriveInstall(appUrl, {}, jar);
      if (installed.status === 303 && apiKey === undefined)
        apiKey = (await createApiKey(app.deps, COMPANY, { name: 'app-kit' })).key;
      return installed;
    },
    connectXero: (tenantIds = [TENANT_A]) =>
      walkXeroConnect(xeroConnectUrl(appUrl, COMPANY), { tenant_ids: tenantIds.join(',') }, jar),
    choose: (picker, tenantId) => choosePickerTenant(appUrl, picker, tenantId, jar),
    async setTriggers(
      triggers = {
        rules: [
          { pipelineId: SALES.pipelineId, stageId: SALES.won, document: 'invoice' },
          { pipelineId: SALES.pipelineId, stageId: SALES.proposal, document: 'quote' },
        ],
      },
    ) {
      const parsed = parseSettings({ triggers });
      if (!parsed.ok) throw new Error(parsed.errors.join('; '));
      await updateCompanySettings(app.db, COMPANY, parsed.settings);
    },
    control,
    async moveDeal(dealId, stageId, { flush = true } = {}) {
      await control(
        'pipedrive',
        'POST',
        `/__sandbox/pipedrive/companies/${COMPANY}/deals/${dealId}/move`,
        {
          stage_id: stageId,
        },
      );
      if (flush) await kit.flushWebhooks();
    },
    async flushWebhooks() {
      await control('pipedrive', 'POST', '/__sandbox/pipedrive/webhooks/flush');
    },
    async documents(tenantId = TENANT_A) {
      return control('xero', 'GET', `/__sandbox/xero/tenants/${tenantId}/documents`);
    },
    async notes(dealId) {
      await kit.notesDelivered(dealId);
      const body = await control(
        'pipedrive',
        'GET',
        `/__sandbox/pipedrive/companies/${COMPANY}/deals/${dealId}/notes`,
      );
      return body.data;
    },
    advance: (ms) => clock.advance(ms),
    notesDelivered: (dealId) => notesDelivered(app, dealId),
    next: (event, accept) => nextEvent(app.queue.events, event, accept, 15_000),
    async close() {
      await app.close();
      await sandboxes.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  if (options.ready ?? true) {
    const installed = await kit.install();
    if (installed.status !== 303)
      throw new Error(`install ended with ${installed.status}: ${installed.body}`);
    const connected = await kit.connectXero();
    if (connected.status !== 200)
      throw new Error(`connect ended with ${connected.status}: ${connected.body}`);
    await kit.setTriggers();
    session = await signIn();
  }
  if (options.worker ?? true) await app.startWorker();
  return kit;
}

/**
 * Checks the outbox after each deal-note job of this app that ends, and every 250 ms for notes that
 * another process (a child worker) delivers, until the deal is owed no note.
 */
function notesDelivered(app: App, dealId: number, timeoutMs = 15_000): Promise<void> {
  const owed = () =>
    app.db
      .selectFrom('deal_notes')
      .select('id')
      .where('company_id', '=', COMPANY)
      .where('deal_id', '=', dealId)
      .where('status', 'in', ['pending', 'sending'])
      .execute();
  return new Promise((resolve, reject) => {
    const events = app.queue.events;
    const cleanup = () => {
      clearTimeout(timer);
      clearInterval(poll);
      events.off('job:success', onEnd);
      events.off('job:failure', onEnd);
    };
    // check() settles only through resolve or fail, so the callers below may drop its promise.
    const check = () =>
      owed().then((rows) => {
        if (rows.length > 0) return;
        cleanup();
        resolve();
      }, fail);
    const fail = (error: unknown) => {
      cleanup();
      reject(error);
    };
    const onEnd = (info: { name: string }) => {
      if (info.name === 'deal-note') void check();
    };
    const timer = setTimeout(
      () => fail(new Error(`deal ${dealId} still owed notes after ${timeoutMs} ms`)),
      timeoutMs,
    );
    const poll = setInterval(() => void check(), 250);
    events.on('job:success', onEnd);
    events.on('job:failure', onEnd);
    void check();
  });
}
