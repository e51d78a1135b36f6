import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { SandboxClock } from '../../sandbox/common/clock.js';
import { RefreshTokenStore } from '../../sandbox/xero/identity/refresh-tokens.js';

function setup(graceMs?: number) {
  const clock = new SandboxClock(Date.UTC(2026, 0, 5));
  clock.setRate(1e-9);
  const store = new RefreshTokenStore(clock, graceMs);
  return { clock, store, first: store.issue('grant-1', 'app', 'event-1') };
}

function rotate(store: RefreshTokenStore, token: string): string {
  const result = store.rotate(token, 'app');
  assert.ok(result.ok, 'expected the rotation to succeed');
  return result.record.token;
}

describe('RefreshTokenStore', () => {
  it('rotates: each use returns a new token of the same grant', () => {
    const { store, first } = setup();
    const second = rotate(store, first.token);
    assert.notEqual(second, first.token);
    assert.equal(store.get(second)?.grantId, 'grant-1');
  });

  it('lets the old token be reused within grace; the latest pair wins', () => {
    const { clock, store, first } = setup();
    const second = rotate(store, first.token);
    clock.advance(10 * 60_000);
    const third = rotate(store, first.token);
    assert.equal(store.rotate(second, 'app').ok, false, 'the pair minted first is superseded');
    assert.ok(rotate(store, third));
  });

  it('refuses the old token once the grace window (default 30 min) has passed', () => {
    const { clock, store, first } = setup();
    rotate(store, first.token);
    clock.advance(30 * 60_000);
    assert.ok(rotate(store, first.token), 'still usable at exactly 30 min');
    clock.advance(1);
    assert.equal(store.rotate(first.token, 'app').ok, false);
  });

  it('honours a configured grace window', () => {
    const { clock, store, first } = setup(1000);
    rotate(store, first.token);
    clock.advance(1001);
    assert.equal(store.rotate(first.token, 'app').ok, false);
  });

  it('expires unused tokens after 60 days, and refuses other clients and revoked grants', () => {
    const { clock, store, first } = setup();
    const spare = store.issue('grant-2', 'app', 'event-2');
    assert.equal(store.rotate(first.token, 'other-app').ok, false);
    store.revokeGrant('grant-2');
    assert.equal(store.rotate(spare.token, 'app').ok, false);
    clock.advance(60 * 24 * 3600_000 + 1);
    assert.equal(store.rotate(first.token, 'app').ok, false);
  });
});
