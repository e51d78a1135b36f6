import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';

import { errors as joseErrors, jwtVerify } from 'jose';

import { SandboxClock } from '../../sandbox/common/clock.js';
import type { RunningSandbox } from '../../sandbox/common/server.js';
import { signPanelToken } from '../../sandbox/pipedrive/extensions/panel-jwt.js';
import { validatePanelResponse } from '../../sandbox/pipedrive/extensions/panel-validate.js';
import { startPipedriveSandbox } from '../../sandbox/pipedrive/test-kit.js';
import type { PipedriveAppSeed } from '../../sandbox/pipedrive/world.js';

const JWT_SECRET = 'panel-jwt-secret-kauri';
const FIELDS = {
  status: 'label',
  total: 'currency',
  invoice_date: 'date',
  open_in_xero: 'link',
} as const;
const VALID_PANEL = {
  data: [
    {
      id: 1,
      header: 'INV-0007',
      status: { color: 'green', label: 'Draft in Xero' },
      total: { code: 'NZD', value: 5175 },
      invoice_date: '2026-09-01',
      open_in_xero: { label: 'Open in Xero', value: 'https://go.xero.com/x', external: true },
    },
  ],
  external_link: { url: 'https://app.example/deals/42', label: 'Sync history' },
};

/** The app's panel endpoints, doing what a correct app must: verify the JWT and match its ids. */
function startApp(): Promise<{
  server: Server;
  base: string;
  seen: URL[];
  modalBodies: unknown[];
}> {
  const state = { seen: [] as URL[], modalBodies: [] as unknown[] };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://app.local');
    state.seen.push(url);
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    const answer = async () => {
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      try {
        const { payload } = await jwtVerify(
          url.searchParams.get('token') ?? '',
          new TextEncoder().encode(JWT_SECRET),
          {
            algorithms: ['HS256'],
          },
        );
        if (String(payload.companyId) !== url.searchParams.get('companyId'))
          return send(403, { error: { title: 'Wrong company' } });
        if (url.pathname === '/panel/deal') return send(200, VALID_PANEL);
        if (url.pathname === '/panel/person')
          return send(200, { data: { id: 5, header: 'Mere', secret_note: 'x' } });
        if (url.pathname === '/modal') {
          state.modalBodies.push(JSON.parse(raw));
          return send(200, {
            success: { message: 'Invoice created', type: 'snackbar', refreshPanelData: true },
          });
        }
        return send(404, { error: { title: 'Not found' } });
      } catch (error) {
        const title = error instanceof joseErrors.JWTExpired ? 'Session expired' : 'Bad token';
        return send(401, { error: { title } });
      }
    };
    // answer() sends every outcome itself, its failures included: nothing is left to await.
    req.on('end', () => void answer());
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve(Object.assign(state, { server, base: `http://127.0.0.1:${port}` }));
    }),
  );
}

describe('Pipedrive sandbox app-extension drivers', () => {
  let sandbox: RunningSandbox;
  let appServer: Awaited<ReturnType<typeof startApp>>;
  let seed: PipedriveAppSeed;
  // Real-time start: the app verifies exp against its own (real) clock.
  // Each panel call declares the panel's fields, as the app's Developer Hub schema would.
  const clock = new SandboxClock();

  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${sandbox.url}${path}`, {
      method,
      ...(body !== undefined && {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    });
    const text = await response.text();
    return {
      status: response.status,
      text,
      body: response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null,
    };
  };

  before(async () => {
    appServer = await startApp();
    seed = {
      clientId: 'pd-app',
      clientSecret: 'client-secret-not-the-jwt-secret',
      name: 'Xero invoices',
      callbackUrl: `${appServer.base}/oauth/pipedrive/callback`,
      panelUrls: { deal: `${appServer.base}/panel/deal`, person: `${appServer.base}/panel/person` },
      jwtSecret: JWT_SECRET,
      scopes: ['base', 'deals:read'],
    };
    // The composed sandbox: the app is registered like any Developer Hub app, and the viewer
    // defaults to the demo admin (company 7001, user 1001).
    sandbox = (await startPipedriveSandbox({ clock, apps: [seed] })).running;
  });
  after(async () => {
    await sandbox.close();
    appServer.server.closeAllConnections();
    appServer.server.close();
  });

  it('calls the JSON panel with the documented query and a verifiable HS256 JWT', async () => {
    const before = Math.floor(clock.now() / 1000);
    const { body } = await control('POST', '/__sandbox/pipedrive/panels/call', {
      clientId: 'pd-app',
      fields: FIELDS,
      resource: 'deal',
      selectedId: 42,
    });
    assert.equal(body.status, 200);
    assert.equal(body.valid, true, JSON.stringify(body.errors));
    const seen = appServer.seen.at(-1)!;
    assert.equal(seen.pathname, '/panel/deal');
    assert.deepEqual(
      [...seen.searchParams.keys()],
      ['resource', 'view', 'userId', 'companyId', 'selectedIds', 'isShared', 'token'],
    );
    assert.equal(
      seen.search.includes(
        'resource=deal&view=details&userId=1001&companyId=7001&selectedIds=42&isShared=false',
      ),
      true,
    );
    const { payload, protectedHeader } = await jwtVerify(
      seen.searchParams.get('token')!,
      new TextEncoder().encode(JWT_SECRET),
    );
    assert.equal(protectedHeader.alg, 'HS256');
    assert.equal(payload.userId, 1001);
    assert.equal(payload.companyId, 7001);
    const iat = payload.iat ?? 0;
    assert.ok(iat >= before && iat <= clock.now() / 1000, 'iat from the sandbox clock');
    assert.equal((payload.exp ?? 0) - (payload.iat ?? 0), 300);
    await assert.rejects(
      jwtVerify(body.token, new TextEncoder().encode(seed.clientSecret)),
      'the JWT secret, not client_secret, signs when set',
    );
  });

  it('signs with client_secret when the app has no JWT secret', async () => {
    const { jwtSecret: _unused, ...withoutSecret } = seed;
    const token = await signPanelToken(withoutSecret, { userId: 1, companyId: 2 }, clock);
    const { payload } = await jwtVerify(token, new TextEncoder().encode(seed.clientSecret));
    assert.deepEqual([payload.userId, payload.companyId], [1, 2]);
  });

  it('tampered tokens are refused by an app that checks them', async () => {
    const statuses: Record<string, number> = {};
    for (const tamper of ['bad-signature', 'other-company', 'expired']) {
      const { body } = await control('POST', '/__sandbox/pipedrive/panels/call', {
        clientId: 'pd-app',
        fields: FIELDS,
        resource: 'deal',
        selectedId: 42,
        tamper,
      });
      statuses[tamper] = body.status;
      assert.equal(body.valid, true, 'the refusal itself is a well-formed error state');
    }
    assert.deepEqual(statuses, { 'bad-signature': 401, 'other-company': 403, expired: 401 });
  });

  it('rejects a panel body with an undeclared property', async () => {
    const { body } = await control('POST', '/__sandbox/pipedrive/panels/call', {
      clientId: 'pd-app',
      fields: FIELDS,
      resource: 'person',
      selectedId: 5,
    });
    assert.equal(body.status, 200);
    assert.equal(body.valid, false);
    assert.ok(
      body.errors.some((e: string) => e.includes('secret_note')),
      JSON.stringify(body.errors),
    );
  });

  it('panel schema: accepts the documented shapes, refuses wrong types and extras', () => {
    assert.equal(validatePanelResponse(200, VALID_PANEL, FIELDS).valid, true);
    assert.equal(validatePanelResponse(200, { data: [] }, FIELDS).valid, true, 'empty state');
    assert.equal(
      validatePanelResponse(200, { data: {} }, FIELDS).valid,
      true,
      'empty single object',
    );
    const extra = { data: [{ ...VALID_PANEL.data[0], note: 'x' }] };
    assert.equal(validatePanelResponse(200, extra, FIELDS).valid, false);
    const wrongType = { data: [{ ...VALID_PANEL.data[0], total: 5175 }] };
    assert.equal(validatePanelResponse(200, wrongType, FIELDS).valid, false);
    const noHeader = { data: [{ id: 1 }] };
    assert.equal(validatePanelResponse(200, noHeader, FIELDS).valid, false);
    const eleven = { data: Array.from({ length: 11 }, (_, i) => ({ id: i, header: `#${i}` })) };
    assert.equal(validatePanelResponse(200, eleven, FIELDS).valid, false, 'at most 10 objects');
    assert.equal(validatePanelResponse(200, { data: [], extra: 1 }, FIELDS).valid, false);
    assert.equal(
      validatePanelResponse(500, { error: { title: 'Xero is not connected' } }).valid,
      true,
    );
    assert.equal(
      validatePanelResponse(500, { error: { title: 'x'.repeat(31) } }).valid,
      false,
      'title ≤ 30',
    );
  });

  it('submits a JSON modal with ids in the query and values in the body', async () => {
    const { body } = await control('POST', '/__sandbox/pipedrive/panels/action', {
      clientId: 'pd-app',
      url: `${appServer.base}/modal`,
      resource: 'deal',
      selectedId: 42,
      values: { document: 'invoice' },
    });
    assert.equal(body.status, 200);
    assert.equal(body.valid, true);
    assert.deepEqual(appServer.modalBodies.at(-1), { document: 'invoice' });
    assert.equal(appServer.seen.at(-1)?.searchParams.get('selectedIds'), '42');
  });

  it('builds link-action and custom-UI URLs with the documented parameters', async () => {
    const link = await control(
      'GET',
      `/__sandbox/pipedrive/extensions/link-action-url?${new URLSearchParams({
        clientId: 'pd-app',
        url: 'https://app.example/actions/sync',
        resource: 'deal',
        view: 'list',
        selectedIds: '',
        excludedIds: '3,4',
        filter: '{"filter_id":42}',
      })}`,
    );
    const linkUrl = new URL(link.body.url);
    assert.deepEqual(Object.fromEntries(linkUrl.searchParams), {
      resource: 'deal',
      view: 'list',
      userId: '1001',
      companyId: '7001',
      selectedIds: '',
      excludedIds: '3,4',
      filter: '{"filter_id":42}',
    });

    const ui = await control(
      'GET',
      `/__sandbox/pipedrive/extensions/custom-ui-url?clientId=pd-app&url=${encodeURIComponent('https://app.example/ui')}&selectedIds=42&theme=dark`,
    );
    const uiUrl = new URL(ui.body.url);
    assert.deepEqual(
      [...uiUrl.searchParams.keys()],
      ['id', 'userId', 'companyId', 'token', 'resource', 'view', 'selectedIds', 'theme'],
    );
    assert.equal(uiUrl.searchParams.get('theme'), 'dark');
    assert.equal(uiUrl.searchParams.get('id'), ui.body.id);
    await jwtVerify(uiUrl.searchParams.get('token')!, new TextEncoder().encode(JWT_SECRET));
  });

  it('serves the fake parent window and a 5-min signed token for get_signed_token', async () => {
    const page = await control(
      'GET',
      `/__sandbox/pipedrive/custom-ui-host?clientId=pd-app&url=${encodeURIComponent('https://app.example/ui')}&selectedIds=42`,
    );
    assert.equal(page.status, 200);
    const src = /<iframe id="extension" src="([^"]+)"/.exec(page.text)?.[1]?.replace(/&amp;/g, '&');
    assert.ok(src?.startsWith('https://app.example/ui?id='));
    const config = JSON.parse(
      /<script id="host-config" type="application\/json">(.*?)<\/script>/.exec(page.text)![1]!,
    );
    assert.equal(new URL(src!).searchParams.get('id'), config.id);
    for (const command of [
      'initialize',
      'get_signed_token',
      'show_snackbar',
      'resize',
      'open_modal',
    ]) {
      assert.ok(page.text.includes(`'${command}'`), `host answers ${command}`);
    }
    const token = (await control('GET', config.tokenUrl)).body.token;
    const { payload } = await jwtVerify(token, new TextEncoder().encode(JWT_SECRET));
    assert.deepEqual(
      [payload.userId, payload.companyId, (payload.exp ?? 0) - (payload.iat ?? 0)],
      [1001, 7001, 300],
    );
  });
});
