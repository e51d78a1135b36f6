import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import {
  api,
  authorize,
  basicAuth,
  installDemoApp,
  type StartedPipedrive,
  startPipedriveSandbox,
  tokenRequest,
} from '../../sandbox/pipedrive/test-kit.js';
import { resetSandbox } from '../support/sandbox-reset.js';

let pd: StartedPipedrive;
before(async () => {
  pd = await startPipedriveSandbox();
});
after(async () => pd.running.close());
beforeEach(async () => {
  await resetSandbox(pd.url, { seed: 'demo' });
});

const unauthorized = {
  success: false,
  error: 'unauthorized access',
  errorCode: 401,
  error_info: 'Please check developers.pipedrive.com',
};

describe('Pipedrive sandbox OAuth', () => {
  it('shows a consent page with Allow and Deny, and Deny redirects with error=user_denied', async () => {
    const query = new URLSearchParams({
      client_id: 'sandbox-pipedrive-client',
      redirect_uri: 'http://localhost:3000/oauth/pipedrive/callback',
      state: 's1',
    });
    const page = await fetch(`${pd.url}/oauth/authorize?${query}`);
    const html = await page.text();
    assert.match(html, /Allow/);
    assert.match(html, /Deny/);
    const denied = await fetch(`${pd.url}/oauth/authorize`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `${query}&decision=deny`,
    });
    assert.equal(denied.status, 302);
    const location = new URL(denied.headers.get('location')!);
    assert.equal(location.searchParams.get('error'), 'user_denied');
    assert.equal(location.searchParams.get('code'), null);
    assert.equal(location.searchParams.get('state'), 's1');
  });

  it('exchanges a code once, with the §1.3 response, and api_domain is the base for the API', async () => {
    const code = await authorize(pd.url);
    const first = await tokenRequest(pd.url, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: 'http://localhost:3000/oauth/pipedrive/callback',
    });
    assert.equal(first.status, 200);
    const tokens = (await first.json()) as Record<string, unknown>;
    assert.deepEqual(Object.keys(tokens).sort(), [
      'access_token',
      'api_domain',
      'expires_in',
      'refresh_token',
      'scope',
      'token_type',
    ]);
    assert.equal(tokens['expires_in'], 3599);
    assert.equal(tokens['token_type'], 'Bearer');
    assert.equal(tokens['scope'], 'base,deals:full,products:read,contacts:full,admin,users:read');
    assert.equal(tokens['api_domain'], `${pd.url}/c/kauricoast`);
    const me = await api(tokens as never, 'GET', '/api/v1/users/me');
    assert.equal(me.status, 200);
    assert.equal(me.body.data.company_id, 7001);
    assert.equal(me.body.data.company_domain, 'kauricoast');

    const again = await tokenRequest(pd.url, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: 'http://localhost:3000/oauth/pipedrive/callback',
    });
    assert.equal(again.status, 400);
    assert.deepEqual(await again.json(), {
      success: false,
      message: 'Invalid grant: authorization_code is invalid',
      error: 'invalid_grant',
    });
  });

  it('expires codes after 5 minutes', async () => {
    const code = await authorize(pd.url);
    pd.sandbox.clock.advance(5 * 60_000 + 1);
    const response = await tokenRequest(pd.url, { grant_type: 'authorization_code', code });
    assert.equal(response.status, 400);
    assert.equal(
      ((await response.json()) as { message: string }).message,
      'Invalid grant: authorization_code has expired',
    );
  });

  it('refuses a redirect_uri that is not the callback, but takes the demo callback on another localhost port', async () => {
    const bad = await fetch(
      `${pd.url}/oauth/authorize?client_id=sandbox-pipedrive-client&redirect_uri=${encodeURIComponent('http://evil.example/cb')}&auto_approve=1`,
      { redirect: 'manual' },
    );
    assert.equal(bad.status, 400);
    assert.equal(bad.headers.get('location'), null);
    const otherPort = 'http://127.0.0.1:4555/oauth/pipedrive/callback';
    const code = await authorize(pd.url, { redirect_uri: otherPort });
    const mismatch = await tokenRequest(pd.url, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: 'http://localhost:3000/oauth/pipedrive/callback',
    });
    assert.equal(mismatch.status, 400);
    assert.match(
      ((await mismatch.json()) as { message: string }).message,
      /^Invalid request: redirect_uri/,
    );
  });

  it('authenticates clients by Basic auth or body, with the documented errors', async () => {
    const missing = await tokenRequest(pd.url, { code: 'x' });
    assert.equal(
      ((await missing.json()) as { message: string }).message,
      'Missing parameter: grant_type',
    );
    const wrongSecret = await tokenRequest(
      pd.url,
      { grant_type: 'authorization_code', code: 'x' },
      basicAuth('sandbox-pipedrive-client', 'nope'),
    );
    assert.equal(
      ((await wrongSecret.json()) as { message: string }).message,
      'Invalid client: client is invalid',
    );
    const unsupported = await tokenRequest(pd.url, { grant_type: 'password' });
    assert.equal(
      ((await unsupported.json()) as { message: string }).message,
      'Unsupported grant type: grant_type is invalid',
    );
    const code = await authorize(pd.url);
    const viaBody = await tokenRequest(
      pd.url,
      {
        grant_type: 'authorization_code',
        code,
        client_id: 'sandbox-pipedrive-client',
        client_secret: 'sandbox-pipedrive-secret',
      },
      '',
    );
    assert.equal(viaBody.status, 200);
  });

  it('refresh returns a new access token and the same refresh token, sliding the 60-day idle expiry', async () => {
    const tokens = await installDemoApp(pd.url);
    for (let round = 0; round < 2; round += 1) {
      pd.sandbox.clock.advance(59 * 86_400_000);
      const response = await tokenRequest(pd.url, {
        grant_type: 'refresh_token',
        refresh_token: tokens.refresh_token,
      });
      assert.equal(response.status, 200, `refresh ${round} within 60 days of the last use`);
      const refreshed = (await response.json()) as {
        access_token: string;
        refresh_token: string;
        expires_in: number;
      };
      assert.notEqual(refreshed.access_token, tokens.access_token);
      assert.equal(refreshed.refresh_token, tokens.refresh_token);
      assert.equal(refreshed.expires_in, 3599);
    }
    pd.sandbox.clock.advance(60 * 86_400_000 + 1);
    const lapsed = await tokenRequest(pd.url, {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
    });
    assert.equal(lapsed.status, 400);
    assert.equal(
      ((await lapsed.json()) as { message: string }).message,
      'Invalid grant: refresh_token is invalid',
    );
  });

  it('answers 401 with the gateway body for missing, malformed, expired and revoked tokens', async () => {
    const tokens = await installDemoApp(pd.url);
    const noToken = await fetch(`${tokens.api_domain}/api/v2/deals`);
    assert.equal(noToken.status, 401);
    assert.deepEqual(await noToken.json(), unauthorized);
    const malformed = await api({ ...tokens, access_token: 'not-a-token' }, 'GET', '/api/v2/deals');
    assert.deepEqual([malformed.status, malformed.body], [401, unauthorized]);
    assert.equal((await api(tokens, 'GET', '/api/v2/deals/1')).status, 200);
    pd.sandbox.clock.advance(3599 * 1000);
    const expired = await api(tokens, 'GET', '/api/v2/deals/1');
    assert.deepEqual([expired.status, expired.body], [401, unauthorized]);
  });

  it('control hook expires an access token now', async () => {
    const tokens = await installDemoApp(pd.url);
    const hook = await fetch(`${pd.url}/__sandbox/pipedrive/tokens/expire`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ access_token: tokens.access_token }),
    });
    assert.deepEqual(await hook.json(), { expired: 1 });
    assert.equal((await api(tokens, 'GET', '/api/v2/deals/1')).status, 401);
  });

  it('revoking an access token kills only it; revoking the refresh token uninstalls', async () => {
    const tokens = await installDemoApp(pd.url);
    const uninstalled: unknown[] = [];
    pd.sandbox.oauth.onUninstall((installation) => uninstalled.push(installation.companyId));
    const revokeAccess = await fetch(`${pd.url}/oauth/revoke`, {
      method: 'POST',
      headers: { authorization: basicAuth(), 'content-type': 'application/x-www-form-urlencoded' },
      body: `token=${encodeURIComponent(tokens.access_token)}&token_type_hint=access_token`,
    });
    assert.equal(revokeAccess.status, 200);
    assert.equal((await api(tokens, 'GET', '/api/v2/deals/1')).status, 401);
    const refreshed = (await (
      await tokenRequest(pd.url, {
        grant_type: 'refresh_token',
        refresh_token: tokens.refresh_token,
      })
    ).json()) as { access_token: string };
    assert.equal(
      (await api({ ...tokens, access_token: refreshed.access_token }, 'GET', '/api/v2/deals/1'))
        .status,
      200,
    );
    assert.deepEqual(uninstalled, []);

    const revokeRefresh = await fetch(`${pd.url}/oauth/revoke`, {
      method: 'POST',
      headers: { authorization: basicAuth(), 'content-type': 'application/x-www-form-urlencoded' },
      body: `token=${encodeURIComponent(tokens.refresh_token)}&token_type_hint=refresh_token`,
    });
    assert.equal(revokeRefresh.status, 200);
    assert.deepEqual(uninstalled, [7001]);
    assert.equal(
      (await api({ ...tokens, access_token: refreshed.access_token }, 'GET', '/api/v2/deals/1'))
        .status,
      401,
    );
    const afterUninstall = await tokenRequest(pd.url, {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
    });
    assert.equal(afterUninstall.status, 400);
    const listing = (await (await fetch(`${pd.url}/__sandbox/pipedrive/installations`)).json()) as {
      installations: unknown[];
    };
    assert.deepEqual(listing.installations, []);
    const unknown = await fetch(`${pd.url}/oauth/revoke`, {
      method: 'POST',
      headers: { authorization: basicAuth(), 'content-type': 'application/x-www-form-urlencoded' },
      body: 'token=nothing-like-it',
    });
    assert.equal(unknown.status, 200);
  });

  it('binds a token to its company: another company prefix is 401, the plain prefix resolves by token', async () => {
    const demo = await installDemoApp(pd.url);
    const other = await installDemoApp(pd.url, { company_id: '7002' });
    assert.equal(other.api_domain, `${pd.url}/c/othercompany`);
    const wrong = await api({ ...demo, api_domain: other.api_domain }, 'GET', '/api/v2/deals/1');
    assert.deepEqual([wrong.status, wrong.body], [401, unauthorized]);
    const plain = await api({ ...other, api_domain: pd.url }, 'GET', '/api/v2/deals');
    assert.equal(plain.status, 200);
    assert.deepEqual(
      plain.body.data.map((deal: { title: string }) => deal.title),
      ['Other company deal'],
    );
    assert.equal(
      (await api(other, 'GET', '/api/v2/deals/1')).status,
      404,
      'company 7001 deal 1 is not visible to 7002',
    );
  });
});
