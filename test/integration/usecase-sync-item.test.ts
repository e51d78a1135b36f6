import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { getItemLink } from '../../src/store/repos/links.js';
import { createRun, getRun } from '../../src/store/repos/runs.js';
import { syncItem } from '../../src/sync/usecases/sync-item.js';
import {
  accountingCalls,
  COMPANY_ID,
  startSyncKit,
  type SyncKit,
  TENANT_ID,
} from '../support/sync-kit.js';

/**
 * A Pipedrive product → its Xero item, by code, through both sandboxes. Xero tenant A (base NZD)
 * already has CONS-HR, IMPL-PKG, LIC-STD and TRAIN-DAY; HW-ROUTER is new to it, and
 * PREMIUM-SUPPORT-24X7-EXTENDED-COVER (35 characters) can never be a Xero item code.
 */
describe('syncItem', () => {
  let kit: SyncKit;
  const products = new Map<string, number>();
  before(async () => {
    kit = await startSyncKit();
    for (const product of (await kit.pipedrive.listProducts()).items)
      products.set(product.code ?? `none:${product.name}`, product.id);
  });
  after(() => kit.close());

  const newRun = async () =>
    (await createRun(kit.store.db, { companyId: COMPANY_ID, kind: 'item' }, new Date())).id;
  const itemsWithCode = async (code: string) =>
    (await kit.xeroItems()).filter((item) => item.Code === code);

  it('creates a missing item once, then updates its price by code', async () => {
    const productId = products.get('HW-ROUTER')!;
    const created = await syncItem(kit.deps(), { productId, runId: await newRun() });
    assert.equal(created.status, 'succeeded', JSON.stringify(created));
    assert.ok(created.status === 'succeeded' && created.created);
    const [item] = await itemsWithCode('HW-ROUTER');
    assert.ok(item, 'item found');
    assert.equal(item.Name, 'Router X200');
    assert.equal(item.SalesDetails?.UnitPrice, 349.99);
    const link = await getItemLink(kit.store.db, {
      companyId: COMPANY_ID,
      tenantId: TENANT_ID,
      productId,
    });
    assert.deepEqual(link, { xeroItemCode: 'HW-ROUTER', xeroItemId: item.ItemID });

    await kit.pdControl('PATCH', `/products/${productId}`, {
      prices: [{ currency: 'NZD', price: 379.5, cost: 0 }],
    });
    const since = await kit.lastXeroSeq();
    const runId = await newRun();
    const updated = await syncItem(kit.deps(), { productId, runId });
    const calls = accountingCalls(await kit.xeroRequests(since));
    assert.equal(updated.status, 'succeeded', JSON.stringify(updated));
    assert.ok(updated.status === 'succeeded');
    assert.equal(updated.created, false);
    assert.equal(updated.itemId, item.ItemID);
    assert.deepEqual(updated.changedFields, ['SalesDetails.UnitPrice']);
    const items = await itemsWithCode('HW-ROUTER');
    assert.equal(items.length, 1);
    assert.equal(items[0]?.SalesDetails?.UnitPrice, 379.5);
    // The account Xero holds is kept on update.
    assert.equal(items[0]?.SalesDetails?.AccountCode, item.SalesDetails?.AccountCode);
    assert.deepEqual(calls, ['GET /Items', 'POST /Items']);
    assert.equal((await getRun(kit.store.db, COMPANY_ID, runId))?.status, 'succeeded');
  });

  it('an item already in Xero with the same details is linked without a write', async () => {
    const productId = products.get('TRAIN-DAY')!;
    const since = await kit.lastXeroSeq();
    const outcome = await syncItem(kit.deps(), { productId, runId: await newRun() });
    const calls = accountingCalls(await kit.xeroRequests(since));
    assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome));
    assert.ok(outcome.status === 'succeeded' && !outcome.created);
    assert.ok(!calls.includes('POST /Items'), calls.join(', '));
    assert.equal((await itemsWithCode('TRAIN-DAY')).length, 1);
  });

  it('a product code over 30 characters waits for a fix and writes nothing', async () => {
    const code = 'PREMIUM-SUPPORT-24X7-EXTENDED-COVER';
    const since = await kit.lastXeroSeq();
    const runId = await newRun();
    const outcome = await syncItem(kit.deps(), { productId: products.get(code)!, runId });
    assert.equal(outcome.status, 'waiting_fix', JSON.stringify(outcome));
    assert.ok(outcome.status === 'waiting_fix' && outcome.code === 'item_code_too_long');
    assert.match(outcome.message, /"PREMIUM-SUPPORT-24X7-EXTENDED-COVER" has 35 characters/);
    assert.ok(
      !accountingCalls(await kit.xeroRequests(since)).some((call) => call.startsWith('POST')),
    );
    assert.equal((await getRun(kit.store.db, COMPANY_ID, runId))?.reasonCode, 'item_code_too_long');
  });
});
