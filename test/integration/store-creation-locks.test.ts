import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { createLogger } from '../../src/logger.js';
import { type OpenDatabase, openDatabase } from '../../src/store/db.js';
import { upsertCompany } from '../../src/store/repos/companies.js';
import {
  releaseCreationLock,
  tryAcquireCreationLock,
} from '../../src/store/repos/creation-locks.js';
import { CREATION_LEASE_MS, withCreationLocks } from '../../src/sync/usecases/creation-lock.js';
import { createTestStore, testDialects, type TestStore } from '../support/each-dialect.js';

/**
 * Creation locks (migration 0004) on each dialect: one holder at a time across connections (a second
 * handle on the same database stands for another process), release by the holder only, takeover
 * once the claim lapses by the injected clock, and withCreationLocks waiting for the holder.
 */
const at = new Date('2026-03-01T10:00:00.000Z');
const later = (ms: number) => new Date(at.getTime() + ms);

for (const dialect of testDialects()) {
  describe(`creation locks (${dialect})`, () => {
    let store: TestStore;
    let other: OpenDatabase;
    before(async () => {
      store = await createTestStore(dialect);
      other = openDatabase(store.url);
      await upsertCompany(store.db, {
        id: 1,
        domain: 'a',
        apiDomain: 'https://a',
        installedAt: at,
      });
    });
    after(async () => {
      await other.close();
      await store.destroy();
    });

    const key = (name: string) => ({ companyId: 1, tenantId: 't-1', name });

    it('one holder at a time, across connections; only the holder frees it', async () => {
      const lock = key('contact:organization:1');
      assert.deepEqual(await tryAcquireCreationLock(store.db, lock, 'first', at, later(1000)), {
        acquired: true,
      });
      assert.deepEqual(await tryAcquireCreationLock(other.db, lock, 'second', at, later(1000)), {
        acquired: false,
        heldUntil: later(1000),
      });
      await releaseCreationLock(other.db, lock, 'second');
      assert.equal(
        (await tryAcquireCreationLock(other.db, lock, 'second', at, later(1000))).acquired,
        false,
      );
      await releaseCreationLock(store.db, lock, 'first');
      assert.deepEqual(await tryAcquireCreationLock(other.db, lock, 'second', at, later(1000)), {
        acquired: true,
      });
      // Another name, tenant or company is another lock.
      for (const free of [key('item:WIDGET'), { ...lock, tenantId: 't-2' }])
        assert.equal(
          (await tryAcquireCreationLock(store.db, free, 'first', at, later(1000))).acquired,
          true,
        );
    });

    it('a lapsed claim is taken over, and its old holder frees nothing', async () => {
      const lock = key('item:LAPSED');
      await tryAcquireCreationLock(store.db, lock, 'dead', at, later(1000));
      assert.equal(
        (await tryAcquireCreationLock(other.db, lock, 'alive', later(999), later(2000))).acquired,
        false,
      );
      assert.deepEqual(
        await tryAcquireCreationLock(other.db, lock, 'alive', later(1000), later(2000)),
        { acquired: true },
      );
      await releaseCreationLock(store.db, lock, 'dead');
      assert.equal(
        (await tryAcquireCreationLock(store.db, lock, 'third', later(1500), later(3000))).acquired,
        false,
      );
    });

    const lockDeps = (db: OpenDatabase['db'], now: () => Date) => ({
      db,
      clock: { now },
      logger: createLogger('silent'),
      company: { id: 1, domain: 'a', settings: {} as never },
      tenant: { companyId: 1, tenantId: 't-1', tenantName: 'T', shortCode: null },
    });

    it('withCreationLocks: a second caller waits for the first, then runs', async () => {
      const order: string[] = [];
      let releaseFirst!: () => void;
      const firstMayEnd = new Promise<void>((resolve) => (releaseFirst = resolve));
      let firstIn!: () => void;
      const firstHolds = new Promise<void>((resolve) => (firstIn = resolve));
      const first = withCreationLocks(
        lockDeps(store.db, () => at),
        ['item:B', 'item:A'],
        async () => {
          order.push('first in');
          firstIn();
          await firstMayEnd;
          order.push('first out');
        },
      );
      await firstHolds;
      // The waiter reads the clock once per attempt: a second reading means it was turned away.
      let attempts = 0;
      let refused!: () => void;
      const wasRefused = new Promise<void>((resolve) => (refused = resolve));
      const second = withCreationLocks(
        lockDeps(other.db, () => {
          if (++attempts === 2) refused();
          return at;
        }),
        ['item:A'],
        async () => {
          order.push('second in');
        },
      );
      await wasRefused;
      releaseFirst();
      await Promise.all([first, second]);
      assert.deepEqual(order, ['first in', 'first out', 'second in']);
      // Everything was freed.
      for (const name of ['item:A', 'item:B'])
        assert.equal(
          (await tryAcquireCreationLock(store.db, key(name), 'x', at, later(1))).acquired,
          true,
        );
    });

    it('withCreationLocks takes over a claim left by a dead holder once it lapses', async () => {
      let now = at;
      await tryAcquireCreationLock(
        store.db,
        key('contact:person:9'),
        'dead',
        at,
        later(CREATION_LEASE_MS),
      );
      const done = withCreationLocks(
        lockDeps(other.db, () => now),
        ['contact:person:9'],
        async () => 'created',
      );
      now = later(CREATION_LEASE_MS);
      assert.equal(await done, 'created');
    });

    it('a claim lasts the lease it was given, and its live holder renews it while it works', async () => {
      const leaseMs = 150;
      const name = 'item:RENEWED';
      const deps = { ...lockDeps(store.db, () => new Date()), leaseMs };
      const expiry = async () =>
        (
          await store.db
            .selectFrom('creation_locks')
            .select('expires_at')
            .where('name', '=', name)
            .executeTakeFirstOrThrow()
        ).expires_at;
      let taken = '';
      let renewed = '';
      await withCreationLocks(deps, [name], async () => {
        const start = Date.now();
        taken = await expiry();
        assert.ok(Date.parse(taken) - start <= leaseMs, 'claimed for the lease, no longer');
        // Outlive two leases: another process may not take the claim of a holder still at work.
        await new Promise((resolve) => setTimeout(resolve, leaseMs * 2));
        renewed = await expiry();
        const rival = await tryAcquireCreationLock(
          other.db,
          key(name),
          'rival',
          new Date(),
          new Date(Date.now() + leaseMs),
        );
        assert.equal(rival.acquired, false);
      });
      assert.ok(renewed > taken, `renewed from ${taken} to ${renewed}`);
    });
  });
}
