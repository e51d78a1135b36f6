import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { pruneInboxEvents, recordInboxEvent } from '../../src/store/repos/inbox.js';
import { createStoreWithCompanies, testDialects, type TestStore } from '../support/each-dialect.js';

/**
 * The inbox does not grow for ever (services/catch-up.ts INBOX_RETENTION_MS): a company's processed
 * events received before the cutoff are deleted, dedupe key and all; an event never processed
 * stays for the recovery sweep, and other companies' events are not touched.
 */
const at = (iso: string) => new Date(iso);
const CUTOFF = at('2026-10-01T00:00:00Z');
const OLD = at('2026-09-30T23:59:59Z');
const RECENT = at('2026-10-01T00:00:00Z');

for (const dialect of testDialects()) {
  describe(`inbox retention (${dialect})`, () => {
    let store: TestStore;
    before(async () => {
      store = await createStoreWithCompanies(dialect, [1, 2]);
    });
    after(() => store.destroy());

    const record = (companyId: number, eventKey: string, receivedAt: Date, processed: boolean) =>
      recordInboxEvent(store.db, {
        companyId,
        source: 'pipedrive',
        eventKey,
        payload: { meta: { id: eventKey } },
        receivedAt,
        ...(processed && { processed: { at: receivedAt, outcome: 'enqueued' } }),
      });

    it("deletes only the company's processed events received before the cutoff", async () => {
      await record(1, 'old-processed', OLD, true);
      await record(1, 'old-unprocessed', OLD, false);
      await record(1, 'recent-processed', RECENT, true);
      await record(2, 'other-company-old', OLD, true);

      assert.equal(await pruneInboxEvents(store.db, 1, CUTOFF), 1);
      assert.equal(await pruneInboxEvents(store.db, 1, CUTOFF), 0);

      const again = async (companyId: number, key: string) =>
        (await record(companyId, key, RECENT, true)).duplicate;
      assert.equal(await again(1, 'old-processed'), false, 'deleted: its key is free again');
      assert.equal(await again(1, 'old-unprocessed'), true, 'kept for the recovery sweep');
      assert.equal(await again(1, 'recent-processed'), true);
      assert.equal(await again(2, 'other-company-old'), true, "another company's is kept");
    });
  });
}
