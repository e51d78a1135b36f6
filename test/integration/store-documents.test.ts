import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { upsertCompany } from '../../src/store/repos/companies.js';
import {
  claimDocument,
  type CreatedDocument,
  findDocumentByXeroId,
  getDocument,
  listDocumentsForDeal,
  recordCreatedDocument,
  updateDocumentFromXero,
} from '../../src/store/repos/documents.js';
import { getUsage, usageMonth } from '../../src/store/repos/usage.js';
import { createTestStore, testDialects, type TestStore } from '../support/each-dialect.js';

const at = new Date('2026-03-31T23:59:59.000Z');
const month = '2026-03';

function created(dealId: number, xeroId: string, triggerKey = 'stage:7'): CreatedDocument {
  return {
    companyId: 1,
    dealId,
    triggerKey,
    type: 'invoice',
    reference: `PD-${dealId}`,
    currency: 'NZD',
    tenantId: 'tenant-a',
    xeroId,
    number: `INV-${dealId}`,
    status: 'DRAFT',
    subtotal: '100.00',
    totalTax: '15.00',
    total: '115.00',
    url: `https://go.xero.com/app/!x/invoicing/view/${xeroId}`,
  };
}

it('usageMonth is the UTC month', () => {
  assert.equal(usageMonth(new Date('2026-03-31T23:59:59.999Z')), '2026-03');
  assert.equal(usageMonth(new Date('2026-04-01T00:00:00.000Z')), '2026-04');
});

for (const dialect of testDialects()) {
  describe(`documents and usage (${dialect})`, () => {
    let store: TestStore;
    before(async () => {
      store = await createTestStore(dialect);
      await upsertCompany(store.db, {
        id: 1,
        domain: 'a',
        apiDomain: 'https://a',
        installedAt: at,
      });
    });
    after(() => store.destroy());

    it('records a created document once and counts it once, however often it is recorded', async () => {
      const first = await recordCreatedDocument(store.db, created(100, 'x-100'), at);
      assert.equal(first.recorded, true);
      assert.equal(first.document.total, '115.00');
      const again = await recordCreatedDocument(store.db, created(100, 'x-other'), at);
      assert.equal(again.recorded, false);
      assert.equal(again.document.xeroId, 'x-100');
      assert.equal(await getUsage(store.db, 1, month), 1);
    });

    it('lets concurrent records of one trigger produce one document and one usage count', async () => {
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          recordCreatedDocument(store.db, created(200, `x-${i}`), at),
        ),
      );
      assert.equal(results.filter((result) => result.recorded).length, 1);
      const winner = results.find((result) => result.recorded)?.document.xeroId;
      for (const result of results) assert.equal(result.document.xeroId, winner);
      assert.equal(await getUsage(store.db, 1, month), 2);
      assert.equal((await listDocumentsForDeal(store.db, 1, 200)).length, 1);
    });

    it('keeps one row per (company, deal, trigger) at the database level', async () => {
      const row = {
        company_id: 1,
        deal_id: 300,
        trigger_key: 'stage:7',
        type: 'invoice' as const,
        status: 'DRAFT',
        reference: 'PD-300',
        currency: 'NZD',
        tenant_id: 'tenant-a',
        created_at: at.toISOString(),
        updated_at: at.toISOString(),
      };
      await store.db.insertInto('documents').values(row).execute();
      await assert.rejects(store.db.insertInto('documents').values(row).execute());
      // Another trigger of the same deal is a different document.
      await store.db
        .insertInto('documents')
        .values({ ...row, trigger_key: 'stage:9' })
        .execute();
      assert.equal((await listDocumentsForDeal(store.db, 1, 300)).length, 2);
    });

    it('claims a trigger before Xero is called, then fills the claim in and counts it', async () => {
      const claim = { ...created(400, 'unused'), type: 'quote' as const };
      const first = await claimDocument(store.db, claim, at);
      assert.equal(first.claimed, true);
      assert.equal(first.document.xeroId, null);
      const second = await claimDocument(store.db, { ...claim, reference: 'other' }, at);
      assert.equal(second.claimed, false);
      assert.equal(second.document.reference, 'PD-400');
      assert.equal(await getUsage(store.db, 1, month), 2, 'a claim is not usage');

      const recorded = await recordCreatedDocument(store.db, created(400, 'x-400'), at);
      assert.equal(recorded.recorded, true);
      assert.equal((await getDocument(store.db, claim))?.xeroId, 'x-400');
      assert.equal(await getUsage(store.db, 1, month), 3);
    });

    it('refreshes a document from Xero without counting it again', async () => {
      const updated = await updateDocumentFromXero(
        store.db,
        1,
        'x-100',
        { status: 'AUTHORISED', total: '120.00' },
        new Date('2026-04-02T00:00:00.000Z'),
      );
      assert.equal(updated?.status, 'AUTHORISED');
      assert.equal(updated?.number, 'INV-100');
      assert.equal((await findDocumentByXeroId(store.db, 1, 'x-100'))?.total, '120.00');
      assert.equal(await getUsage(store.db, 1, month), 3);
      assert.equal(await getUsage(store.db, 1, '2026-04'), 0);
    });

    it('counts usage in the month the document was recorded', async () => {
      await recordCreatedDocument(
        store.db,
        created(500, 'x-500'),
        new Date('2026-04-01T00:00:00Z'),
      );
      assert.equal(await getUsage(store.db, 1, '2026-04'), 1);
      assert.equal(await getUsage(store.db, 1, month), 3);
    });
  });
}
