import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, describe, it } from 'node:test';

import { DEMO_TENANT_A, DEMO_TENANT_B } from '../../sandbox/xero/seed.js';
import { XeroApiError, XeroAuthError } from '../../src/xero/errors.js';
import { DEFAULT_XERO_SCOPES } from '../../src/xero/oauth.js';
import type { RotatedXeroTokens } from '../../src/xero/token-manager.js';
import { InMemoryXeroTokenStore } from '../../src/xero/token-store-memory.js';
import { type ClientHarness, connectCompany, startClientHarness } from './xero-client-harness.js';
import { refresh } from './xero-sandbox-helpers.js';

const harnesses: ClientHarness[] = [];
after(() => Promise.all(harnesses.map((harness) => harness.close())));

async function start(...args: Parameters<typeof startClientHarness>) {
  const harness = await startClientHarness(...args);
  harnesses.push(harness);
  return harness;
}

const MINUTE = 60_000;
const tokenCalls = async (harness: ClientHarness) =>
  (await harness.requests('/connect/token')).filter((request) => request.method === 'POST');

describe('Xero OAuth through the client', () => {
  it('authorizes, exchanges the code and lists the connections; deleting one closes that tenant', async () => {
    const harness = await start();
    const authorize = new URL(
      harness.client.oauth.authorizeUrl({ state: 's', redirectUri: 'http://localhost:3000/cb' }),
    );
    assert.equal(authorize.pathname, '/identity/connect/authorize');
    assert.deepEqual(authorize.searchParams.get('scope')?.split(' '), [...DEFAULT_XERO_SCOPES]);
    assert.ok(DEFAULT_XERO_SCOPES.includes('offline_access'));

    const tokens = await connectCompany(harness);
    assert.ok(tokens.refreshToken.length > 0);
    assert.equal(tokens.expiresAt.getTime(), harness.clock.now().getTime() + 1800_000);
    assert.ok(tokens.scopes.includes('accounting.transactions'));

    const connections = await harness.client.oauth.listConnections(tokens.accessToken);
    assert.deepEqual(
      connections.map((c) => c.tenantId).sort(),
      [DEMO_TENANT_A, DEMO_TENANT_B].sort(),
    );
    const a = connections.find((c) => c.tenantId === DEMO_TENANT_A)!;
    const filtered = await harness.client.oauth.listConnections(tokens.accessToken, a.authEventId);
    assert.equal(filtered.length, 2, 'both tenants came from one consent');

    assert.equal((await harness.client.getOrganisation(harness.ref))?.ShortCode, '!kCt7Q');
    await harness.client.oauth.deleteConnection(tokens.accessToken, a.id);
    await assert.rejects(harness.client.getOrganisation(harness.ref), (error: unknown) => {
      assert.ok(error instanceof XeroApiError);
      assert.equal(error.code, 'xero_tenant_forbidden');
      assert.equal(error.status, 403);
      assert.equal(error.retryable, false);
      assert.match(error.message, /GET \/Organisation/);
      return true;
    });
  });

  it('refreshes 60 s before expiry, stores the rotated pair and announces it', async () => {
    const harness = await start();
    const first = await connectCompany(harness);
    await harness.client.getOrganisation(harness.ref);
    assert.equal((await tokenCalls(harness)).length, 1, 'only the code exchange so far');

    harness.xero.sandbox.clock.advance(29 * MINUTE + 1);
    const refreshed = once(harness.client.tokens, 'refreshed');
    await harness.client.getOrganisation(harness.ref);
    const [event] = await refreshed;
    const calls = await tokenCalls(harness);
    assert.equal(calls.length, 2);
    assert.match(String((calls[1]?.body as Record<string, string>).grant_type), /refresh_token/);
    const stored = await harness.store.load(harness.ref.companyId);
    assert.notEqual(stored?.refreshToken, first.refreshToken);
    assert.equal(stored?.version, 2);
    assert.equal(event.companyId, harness.ref.companyId);
    const last = (await harness.requests('/api.xro/2.0/Organisation')).at(-1);
    assert.equal(last?.headers.authorization, `Bearer ${stored?.accessToken}`);
  });

  it('refreshes once for two concurrent callers (single flight)', async () => {
    const harness = await start();
    await connectCompany(harness);
    harness.xero.sandbox.clock.advance(31 * MINUTE);
    const [a, b] = await Promise.all([
      harness.client.tokens.getAccessToken(harness.ref.companyId),
      harness.client.tokens.getAccessToken(harness.ref.companyId),
    ]);
    assert.equal(a, b);
    assert.equal((await tokenCalls(harness)).length, 2, 'one exchange + exactly one refresh');
  });

  it('lets a second process use the pair the first one rotated (lock, re-read, then act)', async () => {
    const shared = new InMemoryXeroTokenStore();
    const harness = await start({ tokens: shared });
    await connectCompany(harness);
    const before = await shared.load(harness.ref.companyId);
    harness.xero.sandbox.clock.advance(31 * MINUTE);
    // "Another process" rotates and stores while we wait for the lock.
    const other = await shared.withRefreshLock(harness.ref.companyId, async () => {
      const response = await refresh(harness.url, before!.refreshToken);
      const body = (await response.json()) as { access_token: string; refresh_token: string };
      const pair = {
        accessToken: body.access_token,
        refreshToken: body.refresh_token,
        expiresAt: new Date(harness.clock.now().getTime() + 1800_000),
      };
      const waiting = harness.client.tokens.refreshAfterRejection(
        harness.ref.companyId,
        before!.accessToken,
      );
      assert.ok(await shared.saveRotated(harness.ref.companyId, before!.version, pair));
      return { pair, waiting };
    });
    assert.equal(await other.waiting, other.pair.accessToken);
    assert.equal((await tokenCalls(harness)).length, 2, 'we did not refresh a second time');
  });

  it('stores the rotated pair before the new access token is used', async () => {
    const harness = await start();
    await connectCompany(harness);
    const usedBeforeSave: string[] = [];
    const save = harness.store.saveRotated.bind(harness.store);
    harness.store.saveRotated = async (
      companyId: string,
      version: number,
      pair: RotatedXeroTokens,
    ) => {
      const seen = await harness.requests('/api.xro/2.0');
      usedBeforeSave.push(
        ...seen
          .filter((r) => r.headers.authorization === `Bearer ${pair.accessToken}`)
          .map((r) => r.url),
      );
      return save(companyId, version, pair);
    };
    harness.xero.sandbox.clock.advance(31 * MINUTE);
    await harness.client.getOrganisation(harness.ref);
    const stored = await harness.store.load(harness.ref.companyId);
    const uses = (await harness.requests('/api.xro/2.0')).filter(
      (r) => r.headers.authorization === `Bearer ${stored?.accessToken}`,
    );
    assert.equal(uses.length, 1, 'the new token was used after all');
    assert.deepEqual(usedBeforeSave, []);
  });

  it('refreshes once on a 401 and retries the call', async () => {
    const harness = await start();
    const tokens = await connectCompany(harness);
    await fetch(`${harness.url}/__sandbox/xero/tokens/expire`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ accessToken: tokens.accessToken }),
    });
    assert.ok(await harness.client.getOrganisation(harness.ref));
    const calls = await harness.requests('/api.xro/2.0/Organisation');
    assert.deepEqual(
      calls.map((r) => r.status),
      [401, 200],
    );
    assert.equal((await tokenCalls(harness)).length, 2);
  });

  it('marks the connection for reauth when the refresh token died after its grace period', async () => {
    const harness = await start();
    const tokens = await connectCompany(harness);
    // Another client rotates our refresh token behind our back; after 30 min of grace it is dead.
    assert.equal((await refresh(harness.url, tokens.refreshToken)).status, 200);
    harness.xero.sandbox.clock.advance(31 * MINUTE);
    const announced = once(harness.client.tokens, 'reauth-required');
    await assert.rejects(harness.client.getOrganisation(harness.ref), (error: unknown) => {
      assert.ok(error instanceof XeroAuthError);
      assert.equal(error.code, 'xero_reauth_required');
      assert.equal(error.oauthError, 'invalid_grant');
      assert.equal(error.retryable, false);
      return true;
    });
    const [event] = await announced;
    assert.equal(event.companyId, harness.ref.companyId);
    assert.match(
      (await harness.store.load(harness.ref.companyId))?.needsReauth ?? '',
      /invalid_grant/,
    );
    const refreshesSoFar = (await tokenCalls(harness)).length;
    await assert.rejects(harness.client.getOrganisation(harness.ref), {
      code: 'xero_reauth_required',
    });
    assert.equal((await tokenCalls(harness)).length, refreshesSoFar, 'a dead pair is not retried');
  });

  it('revokes the refresh token, which ends the grant', async () => {
    const harness = await start();
    const tokens = await connectCompany(harness);
    await harness.client.oauth.revoke(tokens.refreshToken);
    await assert.rejects(harness.client.oauth.refresh(tokens.refreshToken), {
      code: 'xero_reauth_required',
    });
    assert.deepEqual(await harness.client.oauth.listConnections(tokens.accessToken), []);
  });
});
