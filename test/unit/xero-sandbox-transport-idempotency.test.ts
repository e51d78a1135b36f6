import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { SandboxClock } from '../../sandbox/common/clock.js';
import { IdempotencyStore } from '../../sandbox/xero/transport/idempotency.js';

function frozenClock(): SandboxClock {
  const clock = new SandboxClock(Date.UTC(2026, 0, 5));
  clock.setRate(1e-9);
  return clock;
}

const created = {
  status: 200,
  headers: { 'content-type': 'application/json' },
  body: '{"Contacts":[]}',
};

describe('IdempotencyStore', () => {
  it('replays the stored response for the same key and request', () => {
    const store = new IdempotencyStore(frozenClock());
    const first = store.begin('app/t1', 'k1', 'PUT /Contacts\n{}');
    assert.equal(first.kind, 'fresh');
    if (first.kind === 'fresh') first.complete(created);
    const again = store.begin('app/t1', 'k1', 'PUT /Contacts\n{}');
    assert.deepEqual(again, { kind: 'replay', response: created });
  });

  it('reports a conflict for the same key with another request, even while the first runs', () => {
    const store = new IdempotencyStore(frozenClock());
    store.begin('app/t1', 'k1', 'PUT /Contacts\n{"a":1}');
    assert.equal(store.begin('app/t1', 'k1', 'PUT /Contacts\n{"a":2}').kind, 'conflict');
    assert.equal(store.begin('app/t1', 'k1', 'POST /Contacts\n{"a":1}').kind, 'conflict');
  });

  it('scopes keys per app and tenant', () => {
    const store = new IdempotencyStore(frozenClock());
    store.begin('app/t1', 'k1', 'x');
    assert.equal(store.begin('app/t2', 'k1', 'y').kind, 'fresh');
  });

  it('makes an in-flight duplicate wait, then replay', async () => {
    const store = new IdempotencyStore(frozenClock());
    const first = store.begin('s', 'k', 'f');
    const second = store.begin('s', 'k', 'f');
    assert.equal(second.kind, 'wait');
    if (first.kind === 'fresh') first.complete(created);
    if (second.kind === 'wait') await second.settled;
    assert.equal(store.begin('s', 'k', 'f').kind, 'replay');
  });

  it('forgets an abandoned key so a retry runs', async () => {
    const store = new IdempotencyStore(frozenClock());
    const first = store.begin('s', 'k', 'f');
    const waiting = store.begin('s', 'k', 'f');
    if (first.kind === 'fresh') first.abandon();
    if (waiting.kind === 'wait') await waiting.settled;
    assert.equal(store.begin('s', 'k', 'f').kind, 'fresh');
  });

  it('expires stored responses after the TTL (default 6 min)', () => {
    const clock = frozenClock();
    const store = new IdempotencyStore(clock);
    const first = store.begin('s', 'k', 'f');
    if (first.kind === 'fresh') first.complete(created);
    clock.advance(6 * 60_000 - 1000);
    assert.equal(store.begin('s', 'k', 'f').kind, 'replay');
    clock.advance(1000);
    assert.equal(store.begin('s', 'k', 'other').kind, 'fresh');
    assert.deepEqual(
      store.list().map((entry) => entry.state),
      ['pending'],
    );
  });
});
