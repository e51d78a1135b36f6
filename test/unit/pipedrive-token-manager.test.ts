import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { Clock } from '../../src/clock.js';
import type { PipedriveTokenSet } from '../../src/pipedrive/oauth.js';
import { PipedriveTokenManager, type TokenEvent } from '../../src/pipedrive/token-manager.js';
import { InMemoryPipedriveTokenStore } from '../../src/pipedrive/token-store-memory.js';

const T0 = Date.parse('2026-09-01T09:00:00Z');

/** A fake OAuth host: each refresh returns access-N+1 valid for an hour, same refresh token. */
function setup(expiresInMs: number) {
  let now = T0;
  const clock: Clock = { now: () => new Date(now) };
  const refreshes: string[] = [];
  const events: TokenEvent[] = [];
  const store = new InMemoryPipedriveTokenStore();
  const oauth = {
    refresh: async (refreshToken: string): Promise<PipedriveTokenSet> => {
      refreshes.push(refreshToken);
      await Promise.resolve();
      return tokens(`access-${refreshes.length + 1}`, now + 3_600_000);
    },
  };
  const manager = new PipedriveTokenManager({
    port: store,
    oauth,
    clock,
    onEvent: (event) => events.push(event),
  });
  const ready = store.save('c1', tokens('access-1', T0 + expiresInMs));
  return { manager, store, refreshes, events, ready, advance: (ms: number) => (now += ms) };
}

function tokens(accessToken: string, expiresAtMs: number): PipedriveTokenSet {
  return {
    accessToken,
    refreshToken: 'refresh-1',
    expiresAt: new Date(expiresAtMs),
    apiDomain: 'https://acme.pipedrive.com',
    scope: ['base'],
  };
}

describe('PipedriveTokenManager', () => {
  it('hands out the stored token while it is more than 60 s from expiry', async () => {
    const t = setup(61_000);
    await t.ready;
    assert.equal((await t.manager.current('c1')).accessToken, 'access-1');
    assert.deepEqual(t.refreshes, []);
  });

  it('refreshes 60 s before expiry, saves the pair, and keeps the refresh token', async () => {
    const t = setup(61_000);
    await t.ready;
    t.advance(1_000);
    assert.equal((await t.manager.current('c1')).accessToken, 'access-2');
    assert.equal((await t.store.load('c1'))?.accessToken, 'access-2');
    assert.equal((await t.store.load('c1'))?.refreshToken, 'refresh-1');
    assert.deepEqual(t.events, [{ type: 'refreshed', connectionId: 'c1', reason: 'expiring' }]);
  });

  it('refreshes once for many concurrent callers', async () => {
    const t = setup(0);
    await t.ready;
    const got = await Promise.all(Array.from({ length: 5 }, () => t.manager.current('c1')));
    assert.deepEqual(new Set(got.map((set) => set.accessToken)), new Set(['access-2']));
    assert.deepEqual(t.refreshes, ['refresh-1']);
  });

  it('after a 401, refreshes only if the rejected token is still the stored one', async () => {
    const t = setup(3_600_000);
    await t.ready;
    assert.equal((await t.manager.afterRejection('c1', 'access-1')).accessToken, 'access-2');
    // A late 401 for the old token finds the new one stored: no second refresh.
    assert.equal((await t.manager.afterRejection('c1', 'access-1')).accessToken, 'access-2');
    assert.equal(t.refreshes.length, 1);
  });

  it('says a connection without tokens is not connected', async () => {
    const t = setup(0);
    await assert.rejects(t.manager.current('nope'), { code: 'pipedrive_not_connected' });
  });
});
