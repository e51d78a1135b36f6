import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import { decodeJwt } from 'jose';

import { DEMO_XERO_APP } from '../../sandbox/xero/apps.js';
import { DEMO_TENANT_A, DEMO_TENANT_B, OTHER_TENANT } from '../../sandbox/xero/seed.js';
import { resetSandbox } from '../support/sandbox-reset.js';
import {
  api,
  authorizeUrl,
  basicAuth,
  connect,
  getCode,
  postToken,
  REDIRECT_URI,
  refresh,
  type StartedXero,
  startXero,
  type Tokens,
} from './xero-sandbox-helpers.js';

let xero: StartedXero;
let url: string;

before(async () => {
  xero = await startXero();
  url = xero.url;
});
after(() => xero.close());
beforeEach(async () => {
  await resetSandbox(url);
});

/** GET /connections with a bearer token. */
async function connectionsOf(token: string): Promise<{ tenantId: string }[]> {
  const response = await fetch(`${url}/connections`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return (await response.json()) as { tenantId: string }[];
}

describe('authorize', () => {
  it('shows a consent page with the demo login’s organisations, and the form returns a code', async () => {
    const page = await fetch(authorizeUrl(url), { redirect: 'manual' });
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /Kauri Coast Trading Ltd/);
    assert.match(html, /Kauri Coast Wholesale Ltd/);
    assert.doesNotMatch(html, /Other Co/);
    assert.match(html, new RegExp(`name="tenant" value="${DEMO_TENANT_B}"`));

    const form = new URLSearchParams({
      response_type: 'code',
      client_id: DEMO_XERO_APP.clientId,
      redirect_uri: REDIRECT_URI,
      scope: 'offline_access accounting.settings',
      state: 'xyz',
      tenant: DEMO_TENANT_B,
      action: 'allow',
    });
    const posted = await fetch(`${url}/identity/connect/authorize`, {
      method: 'POST',
      body: form,
      redirect: 'manual',
    });
    assert.equal(posted.status, 302);
    const location = new URL(posted.headers.get('location') ?? '');
    assert.equal(`${location.origin}${location.pathname}`, REDIRECT_URI);
    assert.equal(location.searchParams.get('state'), 'xyz');
    const code = location.searchParams.get('code') ?? '';
    const tokens = (await (
      await postToken(url, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI })
    ).json()) as Tokens;
    const connections = await connectionsOf(tokens.access_token);
    assert.deepEqual(
      connections.map((connection) => connection.tenantId),
      [DEMO_TENANT_B],
    );
  });

  it('redirects Cancel as access_denied with the state', async () => {
    const form = new URLSearchParams({
      response_type: 'code',
      client_id: DEMO_XERO_APP.clientId,
      redirect_uri: REDIRECT_URI,
      scope: 'accounting.settings',
      state: 's9',
      action: 'deny',
    });
    const posted = await fetch(`${url}/identity/connect/authorize`, {
      method: 'POST',
      body: form,
      redirect: 'manual',
    });
    const location = new URL(posted.headers.get('location') ?? '');
    assert.equal(location.searchParams.get('error'), 'access_denied');
    assert.equal(location.searchParams.get('state'), 's9');
  });

  it('answers an unknown client or unregistered redirect_uri with an HTML error page, not a redirect', async () => {
    for (const params of [{ client_id: 'nope' }, { redirect_uri: 'https://evil.example/cb' }]) {
      const response = await fetch(authorizeUrl(url, { auto_approve: '1', ...params }), {
        redirect: 'manual',
      });
      assert.equal(response.status, 400);
      assert.equal(response.headers.get('location'), null);
      assert.match(response.headers.get('content-type') ?? '', /text\/html/);
      assert.match(await response.text(), /not registered|Unknown client_id/);
    }
  });

  it('accepts the demo redirect on any loopback port and redirects unknown scopes as invalid_scope', async () => {
    const other = 'http://127.0.0.1:45678/oauth/xero/callback';
    const ok = await fetch(authorizeUrl(url, { auto_approve: '1', redirect_uri: other }), {
      redirect: 'manual',
    });
    assert.equal(ok.status, 302);
    assert.ok(ok.headers.get('location')?.startsWith(`${other}?code=`));
    const bad = await fetch(
      authorizeUrl(url, { auto_approve: '1', scope: 'accounting.everything' }),
      { redirect: 'manual' },
    );
    assert.equal(
      new URL(bad.headers.get('location') ?? '').searchParams.get('error'),
      'invalid_scope',
    );
  });

  it('logs in another user with login_hint: only their organisation is connected', async () => {
    const tokens = await connect(url, { login_hint: 'owner@otherco.example' });
    const connections = await connectionsOf(tokens.access_token);
    assert.deepEqual(
      connections.map((connection) => connection.tenantId),
      [OTHER_TENANT],
    );
  });
});

describe('token endpoint', () => {
  it('returns the exact §1.2 token set with the documented claims', async () => {
    const tokens = await connect(url);
    assert.deepEqual(Object.keys(tokens), [
      'id_token',
      'access_token',
      'expires_in',
      'token_type',
      'refresh_token',
      'scope',
    ]);
    assert.equal(tokens.expires_in, 1800);
    assert.equal(tokens.token_type, 'Bearer');
    assert.equal(
      tokens.scope,
      'openid profile email offline_access accounting.invoices accounting.contacts accounting.settings',
    );
    const claims = decodeJwt(tokens.access_token);
    assert.equal(claims.client_id, DEMO_XERO_APP.clientId);
    assert.equal(claims.exp! - claims.iat!, 1800);
    assert.equal(claims.sub, claims.xero_userid);
    assert.ok(Array.isArray(claims.scope) && claims.scope.includes('accounting.invoices'));
    assert.equal(typeof claims.authentication_event_id, 'string');
    const id = decodeJwt(tokens.id_token ?? '');
    assert.equal(id.email, 'demo@kauricoast.example');
    assert.equal(id.aud, DEMO_XERO_APP.clientId);
  });

  it('omits id_token without openid and refresh_token without offline_access', async () => {
    const tokens = await connect(url, { scope: 'accounting.settings' });
    assert.deepEqual(Object.keys(tokens), ['access_token', 'expires_in', 'token_type', 'scope']);
  });

  it('requires Basic client authentication', async () => {
    const code = await getCode(url);
    const form = { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI };
    for (const authorization of [
      '',
      basicAuth(DEMO_XERO_APP.clientId, 'wrong'),
      `Bearer ${DEMO_XERO_APP.clientSecret}`,
    ]) {
      const response = await postToken(url, form, authorization);
      assert.equal(response.status, 400);
      assert.deepEqual(await response.json(), { error: 'invalid_client' });
    }
    const inBody = await fetch(`${url}/connect/token`, {
      method: 'POST',
      body: new URLSearchParams({
        ...form,
        client_id: DEMO_XERO_APP.clientId,
        client_secret: DEMO_XERO_APP.clientSecret,
      }),
    });
    assert.deepEqual(await inBody.json(), { error: 'invalid_client' });
    assert.equal(
      (await postToken(url, form)).status,
      200,
      'the code was not used up by the refused calls',
    );
  });

  it('uses a code once', async () => {
    const code = await getCode(url);
    const form = { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI };
    assert.equal((await postToken(url, form)).status, 200);
    const again = await postToken(url, form);
    assert.equal(again.status, 400);
    assert.deepEqual(await again.json(), { error: 'invalid_grant' });
  });

  it('expires a code after 5 minutes', async () => {
    const fresh = await getCode(url);
    const stale = await getCode(url);
    xero.sandbox.clock.advance(5 * 60_000 - 1000);
    assert.equal(
      (
        await postToken(url, {
          grant_type: 'authorization_code',
          code: fresh,
          redirect_uri: REDIRECT_URI,
        })
      ).status,
      200,
    );
    xero.sandbox.clock.advance(1000);
    const late = await postToken(url, {
      grant_type: 'authorization_code',
      code: stale,
      redirect_uri: REDIRECT_URI,
    });
    assert.deepEqual(await late.json(), { error: 'invalid_grant' });
  });

  it('binds a code to its redirect_uri', async () => {
    const code = await getCode(url);
    const response = await postToken(url, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: 'http://localhost:3000/other',
    });
    assert.deepEqual(await response.json(), { error: 'invalid_grant' });
  });

  it('names unsupported grant types and missing parameters', async () => {
    assert.deepEqual(await (await postToken(url, { grant_type: 'password' })).json(), {
      error: 'unsupported_grant_type',
    });
    assert.deepEqual(await (await postToken(url, { grant_type: 'authorization_code' })).json(), {
      error: 'invalid_request',
    });
    assert.deepEqual(await (await postToken(url, {})).json(), { error: 'invalid_request' });
  });
});

describe('refresh token rotation', () => {
  it('issues a new refresh token each time; the old one works within grace and the latest pair wins', async () => {
    const first = await connect(url);
    const second = (await (await refresh(url, first.refresh_token!)).json()) as Tokens;
    assert.notEqual(second.refresh_token, first.refresh_token);
    assert.equal(second.expires_in, 1800);

    xero.sandbox.clock.advance(20 * 60_000);
    const retried = await refresh(url, first.refresh_token!);
    assert.equal(retried.status, 200, 'the rotated token is still usable within the 30 min grace');
    const third = (await retried.json()) as Tokens;
    assert.deepEqual(
      await (await refresh(url, second.refresh_token!)).json(),
      { error: 'invalid_grant' },
      'superseded',
    );
    assert.equal((await api(url, third.access_token, '/Organisation')).status, 200);

    xero.sandbox.clock.advance(10 * 60_000 + 1);
    const late = await refresh(url, first.refresh_token!);
    assert.equal(late.status, 400);
    assert.deepEqual(await late.json(), { error: 'invalid_grant' });
    assert.equal(
      (await refresh(url, third.refresh_token!)).status,
      200,
      'the latest token still works',
    );
  });

  it('expires a refresh token unused for 60 days', async () => {
    const tokens = await connect(url);
    xero.sandbox.clock.advance(60 * 24 * 3600_000 + 1000);
    assert.deepEqual(await (await refresh(url, tokens.refresh_token!)).json(), {
      error: 'invalid_grant',
    });
  });
});

describe('access tokens and API access', () => {
  it('answers an expired access token with 401 TokenExpired and the expiry time', async () => {
    const tokens = await connect(url);
    const expiry = decodeJwt(tokens.access_token).exp! * 1000;
    xero.sandbox.clock.advance(30 * 60_000);
    const response = await api(url, tokens.access_token, '/Organisation');
    assert.equal(response.status, 401);
    const body = (await response.json()) as Record<string, unknown>;
    const iso = new Date(expiry).toISOString();
    const us = `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)} ${iso.slice(11, 19)}`;
    assert.equal(body.Detail, `TokenExpired: token expired at ${us}`);
    assert.equal(body.Title, 'Unauthorized');
    assert.equal(body.Status, 401);
  });

  it('expires tokens on demand through the control route', async () => {
    const tokens = await connect(url);
    assert.equal((await api(url, tokens.access_token, '/Organisation')).status, 200);
    const expired = await fetch(`${url}/__sandbox/xero/tokens/expire`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ accessToken: tokens.access_token }),
    });
    assert.deepEqual(await expired.json(), { expired: 1 });
    const body = (await (await api(url, tokens.access_token, '/Organisation')).json()) as {
      Detail: string;
    };
    assert.match(body.Detail, /^TokenExpired: token expired at \d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d$/);
  });

  it('refuses a call without the needed scope with 401 AuthorizationUnsuccessful', async () => {
    const tokens = await connect(url, { scope: 'offline_access accounting.contacts' });
    const response = await api(url, tokens.access_token, '/Organisation');
    assert.equal(response.status, 401);
    const body = (await response.json()) as Record<string, unknown>;
    assert.equal(body.Detail, 'AuthorizationUnsuccessful');
    assert.match(response.headers.get('www-authenticate') ?? '', /insufficient_scope/);
  });

  it('refuses a missing, unknown or not-connected tenant with 403 AuthenticationUnsuccessful', async () => {
    const tokens = await connect(url, { tenant_ids: DEMO_TENANT_A });
    for (const tenantId of [
      null,
      '00000000-0000-0000-0000-000000000000',
      DEMO_TENANT_B,
      OTHER_TENANT,
    ]) {
      const response = await api(url, tokens.access_token, '/Organisation', { tenantId });
      assert.equal(response.status, 403, `tenant ${tenantId}`);
      const body = (await response.json()) as Record<string, unknown>;
      assert.deepEqual(
        { ...body, Instance: undefined },
        {
          Type: null,
          Title: 'Forbidden',
          Status: 403,
          Detail: 'AuthenticationUnsuccessful',
          Instance: undefined,
          Extensions: {},
        },
      );
    }
    assert.equal((await api(url, tokens.access_token, '/Organisation')).status, 200);
  });
});

describe('connections and revocation', () => {
  it('lists connections with the §1.4 fields, filters by authEventId, deletes one, then 403s on it', async () => {
    const tokens = await connect(url);
    const auth = { authorization: `Bearer ${tokens.access_token}` };
    const list = (await (await fetch(`${url}/connections`, { headers: auth })).json()) as Record<
      string,
      string
    >[];
    assert.deepEqual(
      list.map((connection) => connection.tenantId).sort(),
      [DEMO_TENANT_A, DEMO_TENANT_B].sort(),
    );
    const first = list.find((connection) => connection.tenantId === DEMO_TENANT_A)!;
    assert.deepEqual(Object.keys(first).sort(), [
      'authEventId',
      'createdDateUtc',
      'id',
      'tenantId',
      'tenantName',
      'tenantType',
      'updatedDateUtc',
    ]);
    assert.equal(first.tenantName, 'Kauri Coast Trading Ltd');
    assert.equal(first.tenantType, 'ORGANISATION');
    assert.match(first.createdDateUtc!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}$/);
    const eventId = decodeJwt(tokens.access_token).authentication_event_id as string;
    assert.equal(first.authEventId, eventId);
    const filtered = await (
      await fetch(`${url}/connections?authEventId=${eventId}`, { headers: auth })
    ).json();
    assert.equal((filtered as unknown[]).length, 2);
    const none = await (
      await fetch(`${url}/connections?authEventId=00000000-0000-0000-0000-000000000000`, {
        headers: auth,
      })
    ).json();
    assert.deepEqual(none, []);

    const deleted = await fetch(`${url}/connections/${first.id}`, {
      method: 'DELETE',
      headers: auth,
    });
    assert.equal(deleted.status, 204);
    assert.equal(
      (await fetch(`${url}/connections/${first.id}`, { method: 'DELETE', headers: auth })).status,
      404,
    );
    assert.equal((await api(url, tokens.access_token, '/Organisation')).status, 403);
    assert.equal(
      (await api(url, tokens.access_token, '/Organisation', { tenantId: DEMO_TENANT_B })).status,
      200,
    );
  });

  it('needs a valid bearer token for /connections', async () => {
    assert.equal((await fetch(`${url}/connections`)).status, 401);
    assert.equal(
      (await fetch(`${url}/connections`, { headers: { authorization: 'Bearer nope' } })).status,
      401,
    );
  });

  it('shows a reconnect as createdDateUtc != updatedDateUtc', async () => {
    const tokens = await connect(url, { tenant_ids: DEMO_TENANT_A });
    const auth = { authorization: `Bearer ${tokens.access_token}` };
    const [connection] = (await (
      await fetch(`${url}/connections`, { headers: auth })
    ).json()) as Record<string, string>[];
    await fetch(`${url}/connections/${connection!.id}`, { method: 'DELETE', headers: auth });
    xero.sandbox.clock.advance(60_000);
    await connect(url, { tenant_ids: DEMO_TENANT_A });
    const [again] = (await (await fetch(`${url}/connections`, { headers: auth })).json()) as Record<
      string,
      string
    >[];
    assert.notEqual(again!.id, connection!.id);
    assert.equal(again!.createdDateUtc, connection!.createdDateUtc);
    assert.notEqual(again!.updatedDateUtc, again!.createdDateUtc);
  });

  it('revokes a refresh token: 200 empty, refresh fails, connections are gone', async () => {
    const tokens = await connect(url);
    const response = await fetch(`${url}/connect/revocation`, {
      method: 'POST',
      headers: { authorization: basicAuth(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: tokens.refresh_token! }),
    });
    assert.equal(response.status, 200);
    assert.equal(await response.text(), '');
    assert.deepEqual(await (await refresh(url, tokens.refresh_token!)).json(), {
      error: 'invalid_grant',
    });
    const list = await connectionsOf(tokens.access_token);
    assert.deepEqual(list, []);
    assert.equal((await api(url, tokens.access_token, '/Organisation')).status, 403);
  });
});

describe('control routes', () => {
  it('registers an app, shows grants, and reset restores the seeded apps and forgets tokens', async () => {
    const registered = await fetch(`${url}/__sandbox/xero/apps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        clientId: 'second',
        clientSecret: 'sec',
        name: 'Second app',
        redirectUris: ['https://second.example/cb'],
        webhookKey: 'k',
      }),
    });
    assert.equal(registered.status, 201);
    const code = await getCode(url, {
      client_id: 'second',
      redirect_uri: 'https://second.example/cb',
    });
    const exchanged = await postToken(
      url,
      { grant_type: 'authorization_code', code, redirect_uri: 'https://second.example/cb' },
      basicAuth('second', 'sec'),
    );
    const tokens = (await exchanged.json()) as Tokens;
    const state = (await (await fetch(`${url}/__sandbox/xero/grants`)).json()) as {
      grants: { clientId: string }[];
      refreshTokens: unknown[];
    };
    assert.deepEqual(
      state.grants.map((grant) => grant.clientId),
      ['second'],
    );
    assert.equal(state.refreshTokens.length, 1);

    await resetSandbox(url);
    assert.equal((await api(url, tokens.access_token, '/Organisation')).status, 401);
    const gone = await fetch(
      authorizeUrl(url, { client_id: 'second', redirect_uri: 'https://second.example/cb' }),
      { redirect: 'manual' },
    );
    assert.equal(gone.status, 400);
  });

  it('auto-approves for a configured login without the query flag', async () => {
    const set = await fetch(`${url}/__sandbox/xero/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'owner@otherco.example', autoApprove: true }),
    });
    assert.equal(set.status, 200);
    const response = await fetch(authorizeUrl(url), { redirect: 'manual' });
    assert.equal(response.status, 302);
  });
});
