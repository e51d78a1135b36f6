import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import { type StartedPipedrive, startPipedriveSandbox } from '../../sandbox/pipedrive/test-kit.js';
import { PipedriveApiError } from '../../src/pipedrive/errors.js';
import {
  approveInstall,
  CONNECTION,
  connectPipedrive,
  control,
  loggedRequests,
} from './pipedrive-client-helpers.js';

// The app's OAuth and token handling against the Pipedrive sandbox over HTTP (docs/vendors/pipedrive.md §1).
let pd: StartedPipedrive;

before(async () => {
  pd = await startPipedriveSandbox();
});
after(async () => pd.running.close());
beforeEach(async () => {
  await control(pd.url, 'POST', '/__sandbox/reset', {});
});

const refreshRequests = async () =>
  (await loggedRequests(pd.url, { method: 'POST', path: '/oauth/token' })).filter(
    (entry) => (entry.body as { grant_type?: string }).grant_type === 'refresh_token',
  );

describe('Pipedrive OAuth (app side)', () => {
  it('installs: the code becomes tokens whose api_domain is the base of every API call', async () => {
    const pipedrive = await connectPipedrive(pd.url);
    assert.match(pipedrive.tokens.apiDomain, /\/c\/kauricoast$/);
    assert.ok(pipedrive.tokens.scope.includes('deals:full'), pipedrive.tokens.scope.join(','));
    const ttl = pipedrive.tokens.expiresAt.getTime() - pipedrive.clock.now().getTime();
    assert.ok(ttl > 3_500_000 && ttl <= 3_599_000, `expires in ${ttl} ms`);

    const me = await pipedrive.client.getMe();
    const deal = await pipedrive.client.getDeal(1);
    assert.equal(me.company_id, 7001);
    assert.equal(me.company_domain, 'kauricoast');
    assert.equal(deal.id, 1);
    const apiCalls = (await loggedRequests(pd.url)).filter(
      (entry) => !entry.path.startsWith('/oauth'),
    );
    assert.deepEqual(
      apiCalls.map((entry) => entry.path),
      ['/c/kauricoast/api/v1/users/me', '/c/kauricoast/api/v2/deals/1'],
    );
    assert.equal(apiCalls[0]?.headers['authorization'], `Bearer ${pipedrive.tokens.accessToken}`);
  });

  it('sends client credentials as Basic auth, never in the body (§1.3)', async () => {
    await connectPipedrive(pd.url);
    const [exchange] = await loggedRequests(pd.url, { path: '/oauth/token' });
    assert.match(String(exchange?.headers['authorization']), /^Basic /);
    assert.equal((exchange?.body as Record<string, unknown>)['client_secret'], undefined);
  });

  it('refuses a used code as a reauthorization problem', async () => {
    const { oauth } = await connectPipedrive(pd.url);
    const code = await approveInstall(oauth);
    await oauth.exchangeCode(code, 'http://localhost:3000/oauth/pipedrive/callback');
    await assert.rejects(
      oauth.exchangeCode(code, 'http://localhost:3000/oauth/pipedrive/callback'),
      {
        code: 'pipedrive_reauthorization_required',
        retryable: false,
      },
    );
  });

  it('refresh returns a new access token and the same refresh token (no rotation, §1.4)', async () => {
    const { oauth, tokens } = await connectPipedrive(pd.url);
    const refreshed = await oauth.refresh(tokens.refreshToken);
    assert.notEqual(refreshed.accessToken, tokens.accessToken);
    assert.equal(refreshed.refreshToken, tokens.refreshToken);
    assert.equal(refreshed.apiDomain, tokens.apiDomain);
  });

  it('after the access token expires, a call refreshes once and succeeds', async () => {
    const pipedrive = await connectPipedrive(pd.url);
    await control(pd.url, 'POST', '/__sandbox/pipedrive/tokens/expire', {});
    const deal = await pipedrive.client.getDeal(1);
    assert.equal(deal.id, 1);
    assert.equal((await refreshRequests()).length, 1);
    const calls = await loggedRequests(pd.url, { path: '/c/kauricoast/api/v2/deals/1' });
    assert.deepEqual(
      calls.map((entry) => entry.status),
      [401, 200],
    );
    const stored = await pipedrive.store.load(CONNECTION);
    assert.equal(calls[1]?.headers['authorization'], `Bearer ${stored?.accessToken}`);
    assert.deepEqual(pipedrive.events, [
      { type: 'refreshed', connectionId: CONNECTION, reason: 'rejected' },
    ]);
  });

  it('two concurrent calls after expiry share one refresh request', async () => {
    const pipedrive = await connectPipedrive(pd.url);
    await control(pd.url, 'POST', '/__sandbox/pipedrive/tokens/expire', {});
    const [deal, org] = await Promise.all([
      pipedrive.client.getDeal(1),
      pipedrive.client.getOrganization(1),
    ]);
    assert.equal(deal.id, 1);
    assert.equal(org.id, 1);
    assert.equal((await refreshRequests()).length, 1);
  });

  it('refreshes 60 s before expiry without waiting for a 401', async () => {
    const pipedrive = await connectPipedrive(pd.url);
    pipedrive.clock.advance(3_599_000 - 59_000);
    await pipedrive.client.getDeal(1);
    assert.equal((await refreshRequests()).length, 1);
    const calls = await loggedRequests(pd.url, { path: '/c/kauricoast/api/v2/deals/1' });
    assert.deepEqual(
      calls.map((entry) => entry.status),
      [200],
    );
    assert.deepEqual(
      pipedrive.events.map((event) => event.reason),
      ['expiring'],
    );
  });

  it('a revoked refresh token cannot refresh: the user must reinstall', async () => {
    const pipedrive = await connectPipedrive(pd.url);
    await pipedrive.oauth.revoke(pipedrive.tokens.refreshToken);
    const failure = await pipedrive.client.getDeal(1).catch((error: unknown) => error);
    assert.ok(failure instanceof PipedriveApiError, String(failure));
    assert.equal(failure.code, 'pipedrive_reauthorization_required');
    assert.equal(failure.retryable, false);
  });
});
