import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';

import { SandboxClock } from '../../sandbox/common/clock.js';
import {
  api,
  authorize,
  basicAuth,
  type StartedPipedrive,
  startPipedriveSandbox,
  tokenRequest,
  type TokenSet,
} from '../../sandbox/pipedrive/test-kit.js';
import type { PipedriveAppSeed } from '../../sandbox/pipedrive/world.js';

interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * The app under test, reduced to its two Pipedrive-facing endpoints: the webhook receiver and the
 * OAuth callback (which also takes the uninstall DELETE). Tests await what they expect to arrive.
 */
function startApp(): Promise<{
  server: Server;
  base: string;
  received: Received[];
  next(method: string, path: string): Promise<Received>;
}> {
  const received: Received[] = [];
  const waiting: Array<{ method: string; path: string; resolve: (entry: Received) => void }> = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const entry = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body };
      received.push(entry);
      const index = waiting.findIndex((w) => w.method === entry.method && w.path === entry.path);
      if (index >= 0) waiting.splice(index, 1)[0]?.resolve(entry);
      // Pipedrive ignores the uninstall answer, so the callback fails on purpose.
      res.statusCode = req.method === 'DELETE' ? 500 : 200;
      res.end();
    });
  });
  const next = (method: string, path: string) =>
    new Promise<Received>((resolve) => waiting.push({ method, path, resolve }));
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, base: `http://127.0.0.1:${port}`, received, next });
    }),
  );
}

describe('Pipedrive sandbox uninstall and the webhook round trip', () => {
  let started: StartedPipedrive;
  let app: Awaited<ReturnType<typeof startApp>>;
  let seed: PipedriveAppSeed;
  let tokens: TokenSet;
  const clock = new SandboxClock(Date.parse('2026-09-01T09:00:00.000Z'));
  clock.setRate(1e-6);

  const control = async (path: string, body: unknown) => {
    const response = await fetch(`${started.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  /** Installs the app through the real consent page and token endpoint. */
  const install = async () => {
    const code = await authorize(started.url, {
      client_id: seed.clientId,
      redirect_uri: seed.callbackUrl,
    });
    const response = await tokenRequest(
      started.url,
      { grant_type: 'authorization_code', code, redirect_uri: seed.callbackUrl },
      basicAuth(seed.clientId, seed.clientSecret),
    );
    assert.equal(response.status, 200);
    return (await response.json()) as TokenSet;
  };
  const registerWebhook = () =>
    api(tokens, 'POST', '/api/v1/webhooks', {
      subscription_url: `${app.base}/webhooks/pipedrive`,
      event_action: 'change',
      event_object: 'deal',
      name: 'Deal changes',
      http_auth_user: 'pd-hook',
      http_auth_password: 's3cret',
    });

  before(async () => {
    app = await startApp();
    seed = {
      clientId: 'pd-app',
      clientSecret: 'pd-secret',
      name: 'Xero invoices',
      callbackUrl: `${app.base}/oauth/pipedrive/callback`,
      scopes: ['base', 'deals:full', 'admin'],
    };
    started = await startPipedriveSandbox({ clock, apps: [seed] });
  });
  beforeEach(async () => {
    await control('/__sandbox/reset', {});
    app.received.length = 0;
    tokens = await install();
  });
  after(async () => {
    await started.running.close();
    app.server.closeAllConnections();
    app.server.close();
  });

  it('sends DELETE to the callback URL with Basic client credentials and the documented body', async () => {
    assert.equal((await registerWebhook()).status, 201);
    started.sandbox.webhooks.registry.create(
      { companyId: 7001, userId: 1001 },
      {
        subscriptionUrl: 'http://127.0.0.1:1/hooks',
        eventAction: '*',
        eventObject: 'deal',
        name: 'deals',
        httpAuthUser: null,
        httpAuthPassword: null,
        version: '2.0',
      },
      clock.now(),
    );

    const response = await control('/__sandbox/pipedrive/uninstall', {
      clientId: 'pd-app',
      companyId: 7001,
      userId: 1001,
    });
    assert.equal(response.status, 200, 'the app answering 500 changes nothing');
    assert.equal(response.body.callback.status, 500);
    assert.equal(app.received.length, 1);
    const [call] = app.received;
    assert.equal(call?.method, 'DELETE');
    assert.equal(call?.path, '/oauth/pipedrive/callback');
    assert.equal(
      call?.headers.authorization,
      `Basic ${Buffer.from('pd-app:pd-secret').toString('base64')}`,
    );
    assert.equal(call?.headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(call?.body ?? ''), {
      client_id: 'pd-app',
      company_id: 7001,
      user_id: 1001,
      timestamp: JSON.parse(call?.body ?? '{}').timestamp,
    });
    assert.match(JSON.parse(call?.body ?? '').timestamp, /^2026-09-01T09:00:\d{2}\.\d{3}Z$/);
    assert.deepEqual(started.sandbox.listInstallations(), [], 'its tokens are gone');
    assert.equal((await api(tokens, 'GET', '/api/v1/users/me')).status, 401);
    assert.deepEqual(
      started.sandbox.webhooks.registry.all().map((w) => w.type),
      ['general'],
      "only the app's webhooks go",
    );
  });

  it('answers 404 for an unknown app and calls nobody', async () => {
    const response = await control('/__sandbox/pipedrive/uninstall', {
      clientId: 'nope',
      companyId: 7001,
      userId: 1001,
    });
    assert.equal(response.status, 404);
    assert.equal(app.received.length, 0);
  });

  it('end to end: the app subscribes, hears a stage move, and is told of its uninstall', async () => {
    const created = await registerWebhook();
    assert.equal(created.status, 201);
    assert.equal(created.body.data.type, 'application');

    const deal = (await api(tokens, 'GET', '/api/v2/deals?limit=1')).body.data[0];
    const stages = (await api(tokens, 'GET', `/api/v2/stages?pipeline_id=${deal.pipeline_id}`)).body
      .data;
    const target = stages.find((stage: { id: number }) => stage.id !== deal.stage_id);
    assert.ok(target, 'the pipeline has another stage');

    const delivered = app.next('POST', '/webhooks/pipedrive');
    const moved = await control(`/__sandbox/pipedrive/companies/7001/deals/${deal.id}/move`, {
      stage_id: target.id,
    });
    assert.equal(moved.status, 200);
    const hook = await delivered;
    assert.equal(
      hook.headers.authorization,
      `Basic ${Buffer.from('pd-hook:s3cret').toString('base64')}`,
    );
    const payload = JSON.parse(hook.body);
    assert.deepEqual(
      [payload.meta.action, payload.meta.entity, payload.meta.entity_id, payload.meta.version],
      ['change', 'deal', String(deal.id), '2.0'],
    );
    assert.equal(payload.meta.webhook_id, String(created.body.data.id));
    assert.equal(payload.meta.host, 'kauricoast.pipedrive.com');
    assert.equal(payload.meta.change_source, 'app', 'a move in "the UI", not through the API');
    assert.equal(payload.data.stage_id, target.id);
    assert.equal(payload.previous.stage_id, deal.stage_id);

    // Revoking the refresh token uninstalls the app (§1.8): DELETE to the callback, webhook gone.
    const uninstalled = app.next('DELETE', '/oauth/pipedrive/callback');
    const revoke = await fetch(`${started.url}/oauth/revoke`, {
      method: 'POST',
      headers: {
        authorization: basicAuth(seed.clientId, seed.clientSecret),
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ token: tokens.refresh_token, token_type_hint: 'refresh_token' }),
    });
    assert.equal(revoke.status, 200);
    const callback = await uninstalled;
    assert.deepEqual(
      { ...JSON.parse(callback.body), timestamp: 'x' },
      { client_id: 'pd-app', company_id: 7001, user_id: 1001, timestamp: 'x' },
    );
    assert.deepEqual(started.sandbox.webhooks.registry.all(), []);
    const removed = (await fetch(`${started.url}/__sandbox/pipedrive/webhooks`).then((r) =>
      r.json(),
    )) as { removed: Array<{ id: number; remove_reason: string }> };
    assert.deepEqual(removed.removed, [
      { ...removed.removed[0], id: created.body.data.id, remove_reason: 'app uninstalled' },
    ]);
  });
});
