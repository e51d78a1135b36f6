import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { upsertCompany } from '../../src/store/repos/companies.js';
import {
  findDocumentByXeroId,
  getDocument,
  listDocumentsForDeal,
  recordCreatedDocument,
  updateDocumentFromXero,
} from '../../src/store/repos/documents.js';
import {
  listUnprocessedInboxEvents,
  markInboxEventProcessed,
  recordInboxEvent,
  recordInboxEvents,
} from '../../src/store/repos/inbox.js';
import {
  getContactLink,
  getItemLink,
  saveContactLink,
  saveItemLink,
} from '../../src/store/repos/links.js';
import {
  createRun,
  getRun,
  listRuns,
  listRunsForDeal,
  updateRun,
} from '../../src/store/repos/runs.js';
import { getUsage } from '../../src/store/repos/usage.js';
import { createTestStore, testDialects, type TestStore } from '../support/each-dialect.js';

/** Invariant 5: every read and write is scoped by company. Company A's rows are invisible to B. */
const A = 1;
const B = 2;
const at = new Date('2026-03-01T10:00:00.000Z');

for (const dialect of testDialects()) {
  describe(`tenant scoping (${dialect})`, () => {
    let store: TestStore;
    before(async () => {
      store = await createTestStore(dialect);
      for (const id of [A, B]) {
        await upsertCompany(store.db, {
          id,
          domain: `c${id}`,
          apiDomain: 'https://x',
          installedAt: at,
        });
      }
    });
    after(() => store.destroy());

    it('runs of one company cannot be read or changed through another', async () => {
      const run = await createRun(
        store.db,
        { companyId: A, kind: 'invoice', dealId: 9, triggerKey: 'stage:1' },
        at,
      );
      assert.equal(run.status, 'queued');
      assert.equal(run.attempt, 1);
      assert.equal(await getRun(store.db, B, run.id), undefined);
      assert.equal(await updateRun(store.db, B, run.id, { status: 'failed' }, at), undefined);
      assert.deepEqual(await listRunsForDeal(store.db, B, 9), []);
      assert.deepEqual(await listRuns(store.db, B), []);
      assert.equal((await getRun(store.db, A, run.id))?.status, 'queued');
      assert.deepEqual(
        (await listRunsForDeal(store.db, A, 9)).map((r) => r.id),
        [run.id],
      );
    });

    it('documents of one company are invisible to another, even with the same deal id', async () => {
      const doc = {
        companyId: A,
        dealId: 50,
        triggerKey: 'stage:1',
        type: 'invoice' as const,
        reference: 'PD-50',
        currency: 'NZD',
        tenantId: 'tenant-a',
        xeroId: 'x-50',
        number: 'INV-1',
        status: 'DRAFT',
        subtotal: '1.00',
        totalTax: '0.00',
        total: '1.00',
        url: null,
      };
      await recordCreatedDocument(store.db, doc, at);
      // B may have a deal 50 too: its own document for the same key is a separate row.
      const forB = await recordCreatedDocument(
        store.db,
        { ...doc, companyId: B, xeroId: 'x-b' },
        at,
      );
      assert.equal(forB.recorded, true);
      assert.equal((await getDocument(store.db, { ...doc, companyId: B }))?.xeroId, 'x-b');
      assert.equal(await findDocumentByXeroId(store.db, B, 'x-50'), undefined);
      assert.equal(
        await updateDocumentFromXero(store.db, B, 'x-50', { status: 'PAID' }, at),
        undefined,
      );
      assert.equal((await findDocumentByXeroId(store.db, A, 'x-50'))?.status, 'DRAFT');
      assert.deepEqual(
        (await listDocumentsForDeal(store.db, A, 50)).map((d) => d.xeroId),
        ['x-50'],
      );
      assert.equal(await getUsage(store.db, A, '2026-03'), 1);
      assert.equal(await getUsage(store.db, B, '2026-03'), 1);
    });

    it('links are per company and per Xero tenant', async () => {
      const key = {
        companyId: A,
        tenantId: 'tenant-a',
        kind: 'organization' as const,
        pipedriveId: 5,
      };
      await saveContactLink(store.db, key, 'contact-a', at);
      await saveContactLink(store.db, key, 'contact-a2', at);
      assert.equal(await getContactLink(store.db, key), 'contact-a2');
      assert.equal(await getContactLink(store.db, { ...key, companyId: B }), undefined);
      assert.equal(await getContactLink(store.db, { ...key, tenantId: 'tenant-other' }), undefined);
      assert.equal(await getContactLink(store.db, { ...key, kind: 'person' }), undefined);

      const item = { companyId: A, tenantId: 'tenant-a', productId: 8 };
      await saveItemLink(store.db, item, { xeroItemCode: 'WIDGET', xeroItemId: 'i-1' }, at);
      assert.deepEqual(await getItemLink(store.db, item), {
        xeroItemCode: 'WIDGET',
        xeroItemId: 'i-1',
      });
      assert.equal(await getItemLink(store.db, { ...item, companyId: B }), undefined);
    });

    it('dedupes inbox events per company and source, and marks them processed per company', async () => {
      const event = {
        companyId: A,
        source: 'pipedrive' as const,
        eventKey: 'meta-1',
        payload: { a: 1 },
        receivedAt: at,
      };
      const first = await recordInboxEvent(store.db, event);
      const again = await recordInboxEvent(store.db, { ...event, payload: { a: 2 } });
      assert.equal(first.duplicate, false);
      assert.equal(again.duplicate, true);
      assert.equal(again.event.id, first.event.id);
      assert.deepEqual(again.event.payload, { a: 1 });
      // The same key from another company or source is another event.
      assert.equal((await recordInboxEvent(store.db, { ...event, companyId: B })).duplicate, false);
      assert.equal(
        (await recordInboxEvent(store.db, { ...event, source: 'xero' })).duplicate,
        false,
      );

      await markInboxEventProcessed(store.db, B, first.event.id, 'enqueued', at);
      const later = new Date(at.getTime() + 1);
      assert.ok(
        (await listUnprocessedInboxEvents(store.db, later)).some((e) => e.id === first.event.id),
      );
      await markInboxEventProcessed(store.db, A, first.event.id, 'enqueued', at);
      const left = await listUnprocessedInboxEvents(store.db, later);
      assert.equal(left.length, 2);
      assert.ok(left.every((e) => e.id !== first.event.id));
    });

    it('records a batch of inbox events as they read back, a key seen before or within it once', async () => {
      const receivedAt = new Date(at.getTime() + 60_000);
      const event = (eventKey: string, payload: unknown) => ({
        companyId: A,
        source: 'pipedrive' as const,
        eventKey,
        payload,
        receivedAt,
      });
      await recordInboxEvent(store.db, event('batch-0', { n: 0 }));
      const recorded = await recordInboxEvents(store.db, [
        event('batch-1', { n: 1, nested: { list: [1, 'two', null] } }),
        event('batch-0', { n: 'again' }),
        { ...event('batch-2', { n: 2 }), processed: { at: receivedAt, outcome: 'ignored: test' } },
        event('batch-1', { n: 'repeated in the batch' }),
      ]);
      assert.deepEqual(
        recorded.map((entry) => entry.duplicate),
        [false, true, false, true],
      );
      assert.equal(recorded[3]?.event.id, recorded[0]?.event.id);
      assert.deepEqual(recorded[3]?.event.payload, { n: 1, nested: { list: [1, 'two', null] } });
      const stored = await store.db
        .selectFrom('inbox_events')
        .select('id')
        .where('company_id', '=', A)
        .where('event_key', 'like', 'batch-%')
        .execute();
      assert.equal(stored.length, 3);
      // A new row is answered from what was given: the same event as reading it back gives.
      const readBack = await listUnprocessedInboxEvents(
        store.db,
        new Date(receivedAt.getTime() + 1),
      );
      assert.deepEqual(
        readBack.find((e) => e.id === recorded[0]?.event.id),
        recorded[0]?.event,
      );
      const [processed] = await recordInboxEvents(store.db, [event('batch-2', null)]);
      assert.deepEqual(processed?.event, recorded[2]?.event);
    });

    it('redacts secret-looking fields in run summaries', async () => {
      const run = await createRun(store.db, { companyId: A, kind: 'contact' }, at);
      const updated = await updateRun(
        store.db,
        A,
        run.id,
        {
          status: 'failed',
          reasonCode: 'xero_validation_failed',
          message: 'Contact name is missing',
          requestSummary: {
            method: 'POST',
            headers: { Authorization: 'Bearer abc', 'Xero-Tenant-Id': 't' },
            body: { refresh_token: 'r', Contacts: [{ Name: '' }] },
          },
          responseSummary: { status: 400 },
        },
        at,
      );
      assert.deepEqual(updated?.requestSummary, {
        method: 'POST',
        headers: { Authorization: '[redacted]', 'Xero-Tenant-Id': 't' },
        body: { refresh_token: '[redacted]', Contacts: [{ Name: '' }] },
      });
      const raw = await store.db
        .selectFrom('runs')
        .select('request_summary')
        .where('id', '=', run.id)
        .executeTakeFirstOrThrow();
      assert.ok(!raw.request_summary?.includes('Bearer abc'));
      assert.deepEqual(
        (await listRuns(store.db, A, { statuses: ['failed'] })).map((r) => r.id),
        [run.id],
      );
    });
  });
}
