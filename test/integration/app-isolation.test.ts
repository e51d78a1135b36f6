import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { OTHER_COMPANY_ID } from '../../sandbox/pipedrive/store/seed-demo.js';
import { CookieJar, sessionHeaders, walkPipedriveInstall } from '../../src/cli/oauth-walk.js';
import { createApiKey } from '../../src/services/api-keys.js';
import { listRuns } from '../../src/store/repos/runs.js';
import { type AppKit, COMPANY, PIPEDRIVE_APP, startAppKit } from '../support/app-kit.js';
import { routeTable } from '../support/route-table.js';
import { tenantDigest } from '../support/tenant-digest.js';

/**
 * Tenant isolation over the whole route table (docs/access.md): company 7001 (A) is installed,
 * connected and configured; company 7002 (B) is installed by its own admin. Every route that acts
 * for a company is called for A with each of B's credentials — B's session (with B's CSRF token),
 * B's API key, a Pipedrive JWT signed for B, B's webhook credentials — and must be refused with a
 * catalogued code and leave A's data exactly as it was. A route added without an entry here fails
 * the first test.
 */
type Credential = 'session' | 'key' | 'jwt' | 'webhook' | 'browser';
interface Call {
  path: string;
  method: string;
  form?: Record<string, string>;
  json?: unknown;
}
interface Entry {
  /** How the route is reached for company A. */
  call: (context: Context) => Promise<Call> | Call;
  /** Which of B's credentials the route takes (the others are tried too: they must fail as well). */
  credentials: Credential[];
}
interface Context {
  runId: string;
  pending: string;
  xeroState: string;
}

const A = COMPANY;
const B = OTHER_COMPANY_ID;
const page = (path: string): Entry => ({
  call: () => ({ method: 'GET', path: `${path}?company=${A}` }),
  credentials: ['session', 'key'],
});
const form = (path: string, fields: Record<string, string> = {}): Entry => ({
  call: () => ({ method: 'POST', path, form: { company: String(A), ...fields } }),
  credentials: ['session', 'key'],
});
const panel = (resource: string): Entry => ({
  call: () => ({
    method: 'GET',
    path: `/panels/${resource}?resource=${resource}&view=details&userId=2001&companyId=${A}&selectedIds=1&isShared=false`,
  }),
  credentials: ['jwt'],
});
const action = (name: string, resource: string): Entry => ({
  call: () => ({
    method: 'POST',
    path: `/panels/actions/${name}?resource=${resource}&view=details&userId=2001&companyId=${A}&selectedIds=1`,
    json: {},
  }),
  credentials: ['jwt'],
});

const COMPANY_ROUTES: Record<string, Entry> = {
  'GET /api/companies/:id/settings': page(`/api/companies/${A}/settings`),
  'PUT /api/companies/:id/settings': {
    call: () => ({ method: 'PUT', path: `/api/companies/${A}/settings`, json: {} }),
    credentials: ['session', 'key'],
  },
  'GET /api/companies/:id/runs': page(`/api/companies/${A}/runs`),
  'GET /api/companies/:id/runs/:runId': {
    call: ({ runId }) => ({ method: 'GET', path: `/api/companies/${A}/runs/${runId}` }),
    credentials: ['session', 'key'],
  },
  'POST /api/companies/:id/runs/:runId/replay': {
    call: ({ runId }) => ({ method: 'POST', path: `/api/companies/${A}/runs/${runId}/replay` }),
    credentials: ['session', 'key'],
  },
  'GET /api/status': page('/api/status'),
  'GET /companies/:id/runs/:runId/replay': {
    call: ({ runId }) => ({ method: 'GET', path: `/companies/${A}/runs/${runId}/replay` }),
    credentials: ['session'],
  },
  'POST /companies/:id/runs/:runId/replay': {
    call: ({ runId }) => ({
      method: 'POST',
      path: `/companies/${A}/runs/${runId}/replay`,
      form: {},
    }),
    credentials: ['session'],
  },
  'GET /ui/settings': page('/ui/settings'),
  'POST /ui/settings': form('/ui/settings'),
  'GET /ui/settings/export': page('/ui/settings/export'),
  'POST /ui/settings/import': form('/ui/settings/import', { settingsJson: '{}' }),
  'POST /ui/xero/disconnect': form('/ui/xero/disconnect'),
  'GET /ui/history': page('/ui/history'),
  'POST /ui/history/replay': form('/ui/history/replay', { runId: 'x' }),
  'POST /ui/history/replay-all': form('/ui/history/replay-all'),
  'POST /ui/bulk-sync': form('/ui/bulk-sync', { what: 'products' }),
  'GET /ui/bulk-sync/status': {
    call: () => ({ method: 'GET', path: `/ui/bulk-sync/status?company=${A}&what=products` }),
    credentials: ['session'],
  },
  'GET /oauth/xero/connect': page('/oauth/xero/connect'),
  'GET /oauth/xero/callback': {
    // A's consent, finished in B's browser: the state is bound to A's browser.
    call: ({ xeroState }) => ({
      method: 'GET',
      path: `/oauth/xero/callback?code=x&state=${xeroState}`,
    }),
    credentials: ['browser'],
  },
  'POST /oauth/xero/choose': {
    call: ({ pending }) => ({
      method: 'POST',
      path: '/oauth/xero/choose',
      form: { pending, tenantId: 't' },
    }),
    credentials: ['session'],
  },
  'POST /oauth/xero/disconnect': {
    call: () => ({ method: 'POST', path: '/oauth/xero/disconnect', json: { company: A } }),
    credentials: ['session', 'key'],
  },
  'POST /auth/sign-out': form('/auth/sign-out'),
  'GET /panels/organization': panel('organization'),
  'GET /panels/person': panel('person'),
  'GET /panels/deal': panel('deal'),
  'POST /panels/actions/update': action('update', 'organization'),
  'POST /panels/actions/replay': action('replay', 'deal'),
  'POST /panels/actions/preview': action('preview', 'deal'),
  'GET /ui/preview': {
    call: () => ({
      method: 'GET',
      path: `/ui/preview?resource=deal&view=details&userId=2001&companyId=${A}&selectedIds=1`,
    }),
    credentials: ['jwt'],
  },
  'POST /webhooks/pipedrive/:companyId': {
    call: () => ({ method: 'POST', path: `/webhooks/pipedrive/${A}`, json: { meta: {} } }),
    credentials: ['webhook'],
  },
};

/** Routes that act for no one company, and what protects them instead. */
const NOT_COMPANY_ROUTES: Record<string, string> = {
  'GET /': 'the home page; it lists companies only in sandbox mode (app-npm-start.test.ts)',
  'GET /health': 'no data',
  'GET /health/live': 'no data (an instance id for doctor)',
  'GET /health/ready': 'no data (which checks pass)',
  'GET /metrics': 'the METRICS_TOKEN bearer; off without it (app-ops.test.ts)',
  'GET /ui/static/theme.js': 'a public script',
  'GET /ui/static/ui.css': 'a public stylesheet',
  'GET /ui/static/app-extensions-sdk.js': 'a public script',
  'GET /ui/static/ui.js': 'a public script',
  'GET /oauth/pipedrive/install': 'starts an install; the admin check happens at the callback',
  'GET /oauth/pipedrive/callback': 'single-use state bound to the browser (app-install.test.ts)',
  'DELETE /oauth/pipedrive/callback': "Pipedrive's client credentials (app-install.test.ts)",
  'GET /auth/pipedrive': 'starts a sign-in; the admin check happens at the callback',
  'POST /webhooks/xero': "Xero's HMAC signature, per organisation (app-xero-webhooks.test.ts)",
};

describe('tenant isolation over every route', () => {
  let kit: AppKit;
  let context: Context;
  const ofB: Record<string, Record<string, string>> = {};
  before(async () => {
    kit = await startAppKit({ worker: false, env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    // Company B, installed by its own admin in its own browser.
    const jar = new CookieJar();
    const installed = await walkPipedriveInstall(
      kit.appUrl,
      { company_id: String(B), user_id: '2001' },
      jar,
    );
    assert.equal(installed.status, 303, installed.body);
    const session = await sessionHeaders(kit.appUrl, jar, B);
    const key = (await createApiKey(kit.app.deps, B, { name: 'b' })).key;
    const jwt = await kit.control(
      'pipedrive',
      'GET',
      `/__sandbox/pipedrive/extensions/signed-token?clientId=${PIPEDRIVE_APP.clientId}&companyId=${B}&userId=2001`,
    );
    const { webhooks } = await kit.control('pipedrive', 'GET', '/__sandbox/pipedrive/webhooks');
    const hook = (webhooks as any[]).find((candidate) =>
      candidate.subscription_url.endsWith(`/webhooks/pipedrive/${B}`),
    );
    ofB['session'] = session;
    ofB['key'] = { authorization: `Bearer ${key}` };
    ofB['jwt'] = { token: jwt.token };
    ofB['webhook'] = {
      authorization: `Basic ${Buffer.from(`${hook.http_auth_user}:${hook.http_auth_password}`).toString('base64')}`,
    };
    ofB['browser'] = { cookie: jar.header() };
    // A run of A, a pending organisation choice of A, and a Xero consent A's admin started.
    await kit.moveDeal(8, 4);
    const [run] = await listRuns(kit.app.db, A, { limit: 1 });
    const started = await fetch(`${kit.appUrl}/oauth/xero/connect?company=${A}`, {
      headers: { cookie: kit.jar.header() },
      redirect: 'manual',
    });
    const pending = kit.app.deps.box.seal(
      JSON.stringify({ companyId: A, tenants: [], exp: Date.now() + 600_000 }),
    );
    context = {
      runId: run?.id ?? 'none',
      pending,
      xeroState: new URL(started.headers.get('location')!).searchParams.get('state')!,
    };
  });
  after(() => kit.close());

  it('knows every route of the app', () => {
    const known = [...Object.keys(COMPANY_ROUTES), ...Object.keys(NOT_COMPANY_ROUTES)].sort();
    assert.deepEqual(routeTable(kit.app), known);
  });

  it("refuses every company route for A with each of B's credentials, and changes nothing of A", async (t) => {
    const tried: string[] = [];
    for (const [route, entry] of Object.entries(COMPANY_ROUTES)) {
      const credentials: Credential[] =
        entry.credentials[0] === 'jwt' ||
        entry.credentials[0] === 'webhook' ||
        entry.credentials[0] === 'browser'
          ? entry.credentials
          : ['session', 'key'];
      for (const credential of credentials) {
        const before = await tenantDigest(kit.app.db, A);
        const call = await entry.call(context);
        const response = await send(call, credential);
        const text = await response.text();
        tried.push(`${route} with B's ${credential}: ${response.status}`);
        assert.ok(
          [400, 401, 403].includes(response.status),
          `${route} with B's ${credential} answered ${response.status}: ${text.slice(0, 300)}`,
        );
        assert.match(text, /"code"|code: [a-z_]+|\([a-z_]+\)/, `${route}: a catalogued code`);
        assert.equal(await tenantDigest(kit.app.db, A), before, `${route} changed company A`);
      }
    }
    t.diagnostic(`isolation: ${tried.length} refused calls`);
    for (const line of tried) t.diagnostic(line);
  });

  async function send(call: Call, credential: Credential): Promise<Response> {
    const headers: Record<string, string> = {};
    let path = call.path;
    const creds = ofB[credential]!;
    if (credential === 'jwt') path += `&token=${encodeURIComponent(creds['token']!)}`;
    else Object.assign(headers, creds);
    let body: string | undefined;
    if (call.form !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams({
        ...call.form,
        ...(credential === 'session' && { _csrf: creds['x-csrf-token']! }),
      }).toString();
    } else if (call.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(call.json);
    }
    return fetch(`${kit.appUrl}${path}`, {
      method: call.method,
      headers,
      ...(body !== undefined && { body }),
      redirect: 'manual',
    });
  }
});
