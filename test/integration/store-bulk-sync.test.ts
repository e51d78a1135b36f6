import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { type BulkSyncState, getBulkSync, saveBulkSync } from '../../src/store/repos/bulk-sync.js';
import { createStoreWithCompanies, testDialects, type TestStore } from '../support/each-dialect.js';

/** A bulk sync's saved progress round-trips on every dialect, one row per company+tenant+kind. */
const at = new Date('2026-03-01T10:00:00.000Z');

for (const dialect of testDialects()) {
  describe(`bulk sync progress (${dialect})`, () => {
    let store: TestStore;
    before(async () => {
      store = await createStoreWithCompanies(dialect, [1, 2], at);
    });
    after(() => store.destroy());

    const state: BulkSyncState = {
      companyId: 1,
      tenantId: 't-1',
      what: 'customers',
      runId: 'run-1',
      status: 'running',
      cursor: 'persons:abc',
      done: 50,
      failed: [{ id: 'person:7', code: 'contact_archived', message: 'Restore it' }],
      startedAt: at,
      updatedAt: at,
    };

    it('saves, reads back and overwrites the one row of a key', async () => {
      await saveBulkSync(store.db, state);
      assert.deepEqual(await getBulkSync(store.db, state), state);
      const later = new Date(at.getTime() + 60_000);
      const completed = {
        ...state,
        status: 'completed' as const,
        cursor: null,
        done: 75,
        updatedAt: later,
      };
      await saveBulkSync(store.db, completed);
      assert.deepEqual(await getBulkSync(store.db, state), completed);
    });

    it('keeps kinds, tenants and companies apart', async () => {
      assert.equal(await getBulkSync(store.db, { ...state, what: 'products' }), undefined);
      assert.equal(await getBulkSync(store.db, { ...state, tenantId: 't-2' }), undefined);
      assert.equal(await getBulkSync(store.db, { ...state, companyId: 2 }), undefined);
    });
  });
}
