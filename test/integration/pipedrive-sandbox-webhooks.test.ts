import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';

import { SandboxClock } from '../../sandbox/common/clock.js';
import type { PipedriveSandbox } from '../../sandbox/pipedrive/server.js';
import {
  authorize,
  basicAuth,
  installDemoApp,
  type StartedPipedrive,
  startPipedriveSandbox,
  tokenRequest,
  type TokenSet,
} from '../../sandbox/pipedrive/test-kit.js';
import { toWebhookData } from '../../sandbox/pipedrive/webhooks/subscription.js';
import type { PipedriveAppSeed, PipedriveChange } from '../../sandbox/pipedrive/world.js';

const COMPANY = 7001;
const USER = 1001;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Two more apps besides the demo app: another one with `admin`, and one without it. */
const otherApp = (scopes: string[], clientId: string): PipedriveAppSeed => ({
  clientId,
  clientSecret: `${clientId}-secret`,
  name: clientId,
  callbackUrl: `http://127.0.0.1:9/${clientId}/callback`,
  scopes,
});
const OTHER_APP = otherApp(['base', 'admin', 'deals:read'], 'pd-other-app');
const NO_ADMIN_APP = otherApp(['base', 'deals:read'], 'pd-no-admin');

/**
 * Real OAuth tokens for every caller the tests need: the demo app for the demo admin (`app`) and
 * for a second user (`otherUser`), another app (`otherApp`) and an app without `admin` (`noAdmin`).
 */
type Caller = 'app' | 'otherUser' | 'otherApp' | 'noAdmin';

async function installApp(url: string, app: PipedriveAppSeed): Promise<TokenSet> {
  const code = await authorize(url, { client_id: app.clientId, redirect_uri: app.callbackUrl });
  const response = await tokenRequest(
    url,
    { grant_type: 'authorization_code', code, redirect_uri: app.callbackUrl },
    basicAuth(app.clientId, app.clientSecret),
  );
  assert.equal(response.status, 200);
  return (await response.json()) as TokenSet;
}

interface Received {
  body: any;
  headers: IncomingHttpHeaders;
}

function startReceiver(): Promise<{
  server: Server;
  url: string;
  received: Received[];
  status: number;
}> {
  const state = { received: [] as Received[], status: 200 };
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      state.received.push({ body: JSON.parse(raw), headers: req.headers });
      res.statusCode = state.status;
      res.end('{}');
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve(Object.assign(state, { server, url: `http://127.0.0.1:${port}/webhooks/pipedrive` }));
    }),
  );
}

describe('Pipedrive sandbox webhooks', () => {
  let started: StartedPipedrive;
  let sandbox: PipedriveSandbox;
  let clock: SandboxClock;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let tokens: Record<Caller, TokenSet>;

  const call = async (method: string, path: string, caller?: Caller, body?: unknown) => {
    const headers: Record<string, string> = {};
    if (caller) headers.authorization = `Bearer ${tokens[caller].access_token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${started.url}${path}`, {
      method,
      headers,
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  const subscribe = (extra: Record<string, unknown> = {}, caller: Caller = 'app') =>
    call('POST', '/api/v1/webhooks', caller, {
      subscription_url: receiver.url,
      event_action: 'change',
      event_object: 'deal',
      name: 'Deal changes',
      http_auth_user: 'pd-hook',
      http_auth_password: 's3cret',
      ...extra,
    });
  /** A webhook made with a personal API token ("general"); the sandbox serves OAuth tokens only. */
  const createGeneral = (name: string) => {
    const webhook = sandbox.webhooks.registry.create(
      { companyId: COMPANY, userId: USER },
      {
        subscriptionUrl: receiver.url,
        eventAction: 'change',
        eventObject: 'deal',
        name,
        httpAuthUser: null,
        httpAuthPassword: null,
        version: '2.0',
      },
      clock.now(),
    );
    assert.notEqual(webhook, 'limit-reached');
    return toWebhookData(webhook as Exclude<typeof webhook, 'limit-reached'>, clock.now());
  };
  const flush = () => call('POST', '/__sandbox/pipedrive/webhooks/flush');
  /** Moves the clock, runs what became due, and refreshes the (1-hour) access tokens. */
  const advance = async (ms: number) => {
    await call('POST', '/__sandbox/clock', undefined, { advanceMs: ms });
    await flush();
    for (const caller of Object.keys(tokens) as Caller[]) {
      const app = {
        app: undefined,
        otherUser: undefined,
        otherApp: OTHER_APP,
        noAdmin: NO_ADMIN_APP,
      }[caller];
      const response = await tokenRequest(
        started.url,
        { grant_type: 'refresh_token', refresh_token: tokens[caller].refresh_token },
        app && basicAuth(app.clientId, app.clientSecret),
      );
      assert.equal(response.status, 200);
      tokens[caller] = { ...tokens[caller], ...((await response.json()) as TokenSet) };
    }
  };
  const change = (entityId: number, overrides: Partial<PipedriveChange> = {}): PipedriveChange => ({
    companyId: COMPANY,
    userId: USER,
    entity: 'deal',
    action: 'change',
    entityId,
    data: { id: entityId, title: 'Kauri Digital renewal', stage_id: 3, visible_to: '3' },
    previous: { stage_id: 2 },
    changeSource: 'api',
    atMs: clock.now(),
    ...overrides,
  });

  before(async () => {
    receiver = await startReceiver();
  });
  beforeEach(async () => {
    await started?.running.close();
    // Virtual time crawls (1 µs per real ms) so only explicit advances trigger retries.
    clock = new SandboxClock(Date.parse('2026-09-01T09:00:00.000Z'));
    clock.setRate(1e-6);
    started = await startPipedriveSandbox({ clock, apps: [OTHER_APP, NO_ADMIN_APP] });
    sandbox = started.sandbox;
    tokens = {
      app: await installDemoApp(started.url),
      otherUser: await installDemoApp(started.url, { user_id: '1002' }),
      otherApp: await installApp(started.url, OTHER_APP),
      noAdmin: await installApp(started.url, NO_ADMIN_APP),
    };
    receiver.received.length = 0;
    receiver.status = 200;
  });
  after(async () => {
    await started.running.close();
    receiver.server.closeAllConnections();
    receiver.server.close();
  });

  it('validates a new webhook and answers 400 with per-field errors', async () => {
    const bad = await call('POST', '/api/v1/webhooks', 'app', {
      subscription_url: 'not a url',
      event_action: 'updated',
      event_object: 'deal',
    });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.status, 'error');
    assert.equal(bad.body.success, false);
    assert.deepEqual(Object.keys(bad.body.errors).sort(), [
      'event_action',
      'name',
      'subscription_url',
    ]);
    assert.deepEqual(bad.body.errors.subscription_url, ['invalid or non-reachable URL']);
    const pipedriveUrl = await subscribe({
      subscription_url: 'https://kauricoast.pipedrive.com/api/v1/deals',
    });
    assert.equal(pipedriveUrl.status, 400);
    const badObject = await subscribe({ event_object: 'invoice' });
    assert.deepEqual(Object.keys(badObject.body.errors), ['event_object']);
  });

  it('creates with 201 and the documented fields; app tokens make "application" webhooks', async () => {
    const created = await subscribe();
    assert.equal(created.status, 201);
    assert.equal(created.body.status, 'ok');
    assert.equal(created.body.success, true);
    const data = created.body.data;
    assert.deepEqual(Object.keys(data).sort(), [
      'add_time',
      'admin_id',
      'company_id',
      'event_action',
      'event_object',
      'http_auth_password',
      'http_auth_user',
      'id',
      'is_active',
      'last_delivery_time',
      'last_http_status',
      'name',
      'owner_id',
      'remove_reason',
      'remove_time',
      'subscription_url',
      'type',
      'user_id',
      'version',
    ]);
    assert.equal(data.type, 'application');
    assert.equal(data.version, '2.0');
    assert.equal(data.is_active, 1);
    assert.equal(data.company_id, COMPANY);
    assert.equal(data.user_id, USER);
    assert.match(data.add_time, /^2026-09-01T09:00:\d{2}\.\d{3}Z$/);
    assert.equal(createGeneral('general').type, 'general');
  });

  it('refuses a missing token (401) and a token without the admin scope (403)', async () => {
    const none = await call('GET', '/api/v1/webhooks');
    assert.equal(none.status, 401);
    assert.deepEqual(none.body, {
      success: false,
      error: 'unauthorized access',
      errorCode: 401,
      error_info: 'Please check developers.pipedrive.com',
    });
    const noAdmin = await subscribe({}, 'noAdmin');
    assert.equal(noAdmin.status, 403);
    assert.equal(noAdmin.body.error, 'Scope and URL mismatch');
  });

  it('allows 40 webhooks per user and then answers 422', async () => {
    for (let i = 0; i < 40; i++) assert.equal((await subscribe({ name: `hook ${i}` })).status, 201);
    const over = await subscribe({ name: 'one too many' });
    assert.equal(over.status, 422);
    assert.equal(over.body.error, 'Webhooks limit reached');
    assert.equal((await subscribe({}, 'otherUser')).status, 201, 'the limit counts per app user');
  });

  it('lists and deletes; app webhooks are hidden from other callers', async () => {
    const mine = (await subscribe()).body.data.id;
    createGeneral('general');
    assert.deepEqual(
      (await call('GET', '/api/v1/webhooks', 'app')).body.data.map((w: any) => w.id).sort(),
      [1, 2],
    );
    assert.deepEqual(
      (await call('GET', '/api/v1/webhooks', 'otherApp')).body.data.map((w: any) => w.name),
      ['general'],
    );
    assert.equal((await call('DELETE', `/api/v1/webhooks/${mine}`, 'otherApp')).status, 404);
    const deleted = await call('DELETE', `/api/v1/webhooks/${mine}`, 'app');
    assert.deepEqual([deleted.status, deleted.body], [200, { status: 'ok', success: true }]);
    assert.deepEqual(
      (await call('GET', '/api/v1/webhooks', 'app')).body.data.map((w: any) => w.name),
      ['general'],
    );
    assert.equal((await call('DELETE', `/api/v1/webhooks/${mine}`, 'app')).status, 404);
  });

  it('delivers the v2 payload with Basic auth to matching subscriptions only', async () => {
    const hook = (await subscribe()).body.data;
    await subscribe({ event_object: 'person', name: 'people' });
    await subscribe({
      event_action: '*',
      event_object: '*',
      name: 'everything',
      http_auth_user: null,
      http_auth_password: null,
    });
    const at = clock.now();
    sandbox.webhooks.listener(change(8, { atMs: at }));
    await flush();

    assert.equal(receiver.received.length, 2, 'deal.change and *.* match; person does not');
    const delivery = receiver.received.find((r) => r.body.meta.webhook_id === String(hook.id));
    assert.ok(delivery);
    assert.equal(
      delivery.headers.authorization,
      `Basic ${Buffer.from('pd-hook:s3cret').toString('base64')}`,
    );
    const other = receiver.received.find((r) => r !== delivery);
    assert.equal(other?.headers.authorization, undefined);
    const { meta, data, previous } = delivery.body;
    assert.deepEqual(
      { ...meta, id: 'x', correlation_id: 'x' },
      {
        action: 'change',
        entity: 'deal',
        company_id: '7001',
        correlation_id: 'x',
        entity_id: '8',
        id: 'x',
        is_bulk_edit: false,
        timestamp: new Date(at).toISOString(),
        type: 'application',
        user_id: '1001',
        version: '2.0',
        webhook_id: String(hook.id),
        webhook_owner_id: '1001',
        change_source: 'api',
        attempt: 1,
        host: 'kauricoast.pipedrive.com',
        permitted_user_ids: ['1001'],
      },
    );
    assert.match(meta.id, UUID);
    assert.match(meta.timestamp, /\.\d{3}Z$/);
    assert.equal(
      other?.body.meta.correlation_id,
      meta.correlation_id,
      'one change, one correlation id',
    );
    assert.notEqual(other?.body.meta.id, meta.id, 'one event id per webhook');
    assert.deepEqual(previous, { stage_id: 2 }, 'previous carries only the changed fields');
    assert.equal(data.visible_to, '3');

    receiver.received.length = 0;
    sandbox.webhooks.listener(change(9, { action: 'create', previous: null }));
    sandbox.webhooks.listener(
      change(9, { action: 'delete', data: null, previous: { id: 9, title: 'gone' } }),
    );
    await flush();
    const [created, deleted] = receiver.received.map((r) => r.body);
    assert.deepEqual([created.meta.action, created.previous], ['create', null]);
    assert.deepEqual(
      [deleted.meta.action, deleted.data, deleted.previous],
      ['delete', null, { id: 9, title: 'gone' }],
    );
  });

  it('retries 3 s, 30 s and 150 s later with meta.attempt 1–4, then gives up', async () => {
    await subscribe();
    receiver.status = 500;
    sandbox.webhooks.listener(change(8));
    await flush();
    assert.equal(receiver.received.length, 1);
    await advance(2_900);
    assert.equal(receiver.received.length, 1, 'not before 3 s');
    await advance(100);
    assert.equal(receiver.received.length, 2);
    await advance(30_000);
    assert.equal(receiver.received.length, 3);
    await advance(150_000);
    await advance(3_600_000);
    assert.deepEqual(
      receiver.received.map((r) => r.body.meta.attempt),
      [1, 2, 3, 4],
    );
    assert.equal(
      new Set(receiver.received.map((r) => r.body.meta.id)).size,
      1,
      'a retry is the same event',
    );
    const list = (await call('GET', '/api/v1/webhooks', 'app')).body.data;
    assert.equal(list[0].last_http_status, 500);
  });

  it('bans a webhook for 30 min after 10 failed first attempts and drops events meanwhile', async () => {
    await subscribe();
    receiver.status = 500;
    for (let i = 1; i <= 10; i++) sandbox.webhooks.listener(change(i));
    await flush();
    assert.equal(receiver.received.length, 10);
    assert.equal((await call('GET', '/api/v1/webhooks', 'app')).body.data[0].is_active, 0);

    sandbox.webhooks.listener(change(11));
    await flush();
    assert.equal(receiver.received.length, 10, 'the 11th event is dropped, not sent');
    const deliveries = (await call('GET', '/__sandbox/pipedrive/webhooks/deliveries')).body
      .deliveries;
    assert.equal(deliveries.at(-1).outcome, 'dropped (webhook banned)');

    receiver.status = 200;
    await advance(30 * 60_000);
    receiver.received.length = 0;
    sandbox.webhooks.listener(change(12));
    await flush();
    assert.deepEqual(
      receiver.received.map((r) => r.body.meta.entity_id),
      ['12'],
    );
  });

  it('deletes a webhook that has had no success for 3 days', async () => {
    await subscribe();
    receiver.status = 503;
    await advance(3 * 24 * 60 * 60_000);
    sandbox.webhooks.listener(change(8));
    await flush();
    assert.deepEqual((await call('GET', '/api/v1/webhooks', 'app')).body.data, []);
    const control = (await call('GET', '/__sandbox/pipedrive/webhooks')).body;
    assert.equal(control.removed[0].remove_reason, 'no successful delivery for 3 days');
  });

  it('duplicates knob sends each event N times with the same meta.id', async () => {
    await subscribe();
    await call('POST', '/__sandbox/pipedrive/webhooks/knobs', undefined, { duplicates: 3 });
    sandbox.webhooks.listener(change(8));
    await flush();
    assert.equal(receiver.received.length, 3);
    assert.equal(new Set(receiver.received.map((r) => r.body.meta.id)).size, 1);
  });

  it('out-of-order knob delivers a window of events newest first', async () => {
    await subscribe();
    await call('POST', '/__sandbox/pipedrive/webhooks/knobs', undefined, {
      outOfOrder: true,
      outOfOrderWindow: 3,
    });
    for (const id of [1, 2, 3]) sandbox.webhooks.listener(change(id));
    await flush();
    assert.deepEqual(
      receiver.received.map((r) => r.body.meta.entity_id),
      ['3', '2', '1'],
    );
  });
});
