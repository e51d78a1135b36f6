import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { getItemLink } from '../../src/store/repos/links.js';
import { createRun } from '../../src/store/repos/runs.js';
import type { SettingsInput } from '../../src/sync/settings.js';
import { bulkSync } from '../../src/sync/usecases/bulk-sync.js';
import { documentForDeal } from '../../src/sync/usecases/document-for-deal.js';
import { syncItem } from '../../src/sync/usecases/sync-item.js';
import { COMPANY_ID, startSyncKit, type SyncKit, TENANT_ID } from '../support/sync-kit.js';

/**
 * Product matching on a chosen field or a direct link (issue 10): a custom product field (a SKU) →
 * the Xero item's Code or Name, or a product linked one to one to an item in the settings; the
 * product-not-found policy applies after both; an enum field reads as its option's label, and an
 * item is found by its Name, in a run and in the bulk and single item syncs alike. Tenant A holds CONS-HR, IMPL-PKG, LIC-STD, TRAIN-DAY
 * and GEN-SVC "General services" (docs/demo-data.md). Real HTTP against both sandboxes.
 */
describe('documentForDeal: items matched on a chosen field or a direct link', () => {
  let kit: SyncKit;
  let sku: string;
  before(async () => {
    kit = await startSyncKit();
    const field = await kit.pdControl('POST', '/fields/product', {
      name: 'SKU',
      field_type: 'varchar',
    });
    sku = field.data.field_code;
  });
  after(() => kit.close());

  async function product(code: string | null, skuValue?: string): Promise<number> {
    const created = await kit.pdControl('POST', '/products', {
      name: `Product ${code ?? skuValue ?? 'none'}`,
      ...(code !== null && { code }),
      prices: [{ currency: 'NZD', price: 100 }],
      ...(skuValue !== undefined && { custom_fields: { [sku]: skuValue } }),
    });
    return created.data.id as number;
  }

  async function dealWith(productId: number): Promise<number> {
    const deal = await kit.pdControl('POST', '/deals', {
      title: `Deal for product ${productId}`,
      currency: 'NZD',
      org_id: 1,
      stage_id: 2,
    });
    await kit.pdControl('POST', `/deals/${deal.data.id}/products`, {
      product_id: productId,
      item_price: 100,
      quantity: 1,
      tax: 15,
      tax_method: 'exclusive',
    });
    return deal.data.id as number;
  }

  async function run(dealId: number, settings: SettingsInput) {
    const since = await kit.lastXeroSeq();
    const outcome = await documentForDeal(kit.deps(settings), await kit.newJob(dealId));
    const requests = (await kit.xeroRequests(since)).filter((request) =>
      request.path.startsWith('/api.xro/2.0/Items'),
    );
    const invoice = (await kit.xeroDocuments()).invoices.find((doc: any) =>
      doc.Reference.includes(`[PD-${dealId}-`),
    );
    return { outcome, requests, invoice };
  }
  const where = (url: string) => new URL(url, 'http://x').searchParams.get('where');

  it('a custom field (SKU) → Code: the line uses the item whose Code is the SKU, found in one GET', async () => {
    const dealId = await dealWith(await product('WIDGET-1', 'TRAIN-DAY'));
    const { outcome, requests, invoice } = await run(dealId, {
      items: { matchBy: { pipedriveField: sku, xeroField: 'Code' } },
    });
    assert.ok(invoice, 'invoice found');
    assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome));
    assert.equal(invoice?.LineItems[0]?.ItemCode, 'TRAIN-DAY');
    assert.deepEqual(
      requests.map((request) => `${request.method} ${where(request.url)}`),
      ['GET Code=="TRAIN-DAY"'],
    );
  });

  it('a custom field → Name: the item whose Name is the value', async () => {
    const dealId = await dealWith(await product('WIDGET-2', 'General services'));
    const { outcome, invoice } = await run(dealId, {
      items: { matchBy: { pipedriveField: sku, xeroField: 'Name' } },
    });
    assert.ok(invoice, 'invoice found');
    assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome));
    assert.equal(invoice?.LineItems[0]?.ItemCode, 'GEN-SVC');
  });

  it('a direct link wins over the chosen field', async () => {
    const productId = await product('WIDGET-3', 'TRAIN-DAY');
    const dealId = await dealWith(productId);
    const { outcome, invoice } = await run(dealId, {
      items: {
        matchBy: { pipedriveField: sku, xeroField: 'Code' },
        links: [{ productId, itemCode: 'LIC-STD' }],
      },
    });
    assert.ok(invoice, 'invoice found');
    assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome));
    assert.equal(invoice?.LineItems[0]?.ItemCode, 'LIC-STD');
  });

  it('the policy applies after both: create_item makes the item under the SKU; no_action names the product', async () => {
    const created = await dealWith(await product('WIDGET-4', 'SKU-NEW-4'));
    const made = await run(created, {
      items: {
        productNotFound: 'create_item',
        matchBy: { pipedriveField: sku, xeroField: 'Code' },
      },
    });
    assert.equal(made.outcome.status, 'succeeded', JSON.stringify(made.outcome));
    assert.equal(made.invoice?.LineItems[0]?.ItemCode, 'SKU-NEW-4');
    assert.ok((await kit.xeroItems()).some((item: any) => item.Code === 'SKU-NEW-4'));

    const refused = await dealWith(await product('WIDGET-5'));
    const { outcome } = await run(refused, {
      items: { matchBy: { pipedriveField: sku, xeroField: 'Code' } },
    });
    assert.ok(outcome.status === 'waiting_fix' && outcome.code === 'item_not_found');
    assert.match(outcome.message, /Product WIDGET-5/);
  });

  it('an enum SKU field: its option label, never the option id, is the Code, in a run and in the bulk sync', async () => {
    const field = await kit.pdControl('POST', '/fields/product', {
      name: 'SKU option',
      field_type: 'enum',
      options: ['ENUM-SKU-A', 'ENUM-SKU-B'],
    });
    const enumSku: string = field.data.field_code;
    const options = field.data.options as { id: number; label: string }[];
    const withOption = async (code: string, label: string) => {
      const option = options.find((entry) => entry.label === label)!;
      const created = await kit.pdControl('POST', '/products', {
        name: `Product ${code}`,
        code,
        prices: [{ currency: 'NZD', price: 100 }],
        custom_fields: { [enumSku]: option.id },
      });
      return created.data.id as number;
    };
    const settings: SettingsInput = {
      items: {
        productNotFound: 'create_item',
        matchBy: { pipedriveField: enumSku, xeroField: 'Code' },
      },
    };

    const inRun = await withOption('WIDGET-6', 'ENUM-SKU-A');
    const made = await run(await dealWith(inRun), settings);
    assert.equal(made.outcome.status, 'succeeded', JSON.stringify(made.outcome));
    assert.equal(made.invoice?.LineItems[0]?.ItemCode, 'ENUM-SKU-A');

    const inBulk = await withOption('WIDGET-7', 'ENUM-SKU-B');
    const result = await bulkSync(kit.deps(settings), { what: 'products' });
    assert.equal(result.nextCursor, null);
    const failedIds = result.failed.map((failure) => failure.id);
    assert.ok(!failedIds.includes(`product:${inBulk}`), JSON.stringify(result.failed));
    const linkOf = (productId: number) =>
      getItemLink(kit.store.db, { companyId: COMPANY_ID, tenantId: TENANT_ID, productId });
    assert.equal((await linkOf(inBulk))?.xeroItemCode, 'ENUM-SKU-B');
    assert.equal((await linkOf(inRun))?.xeroItemCode, 'ENUM-SKU-A');
    const codes = (await kit.xeroItems()).map((item: any) => item.Code as string);
    assert.ok(codes.includes('ENUM-SKU-B'));
    for (const option of options) assert.ok(!codes.includes(String(option.id)), codes.join(' '));
  });

  it('a custom field → Name: the bulk and single syncs link the item with that Name, create none, and agree with a run', async () => {
    const settings: SettingsInput = {
      items: {
        productNotFound: 'create_item',
        matchBy: { pipedriveField: sku, xeroField: 'Name' },
      },
    };
    // Names are compared as a person reads them, in a run and in the syncs alike.
    const inBulk = await product('WIDGET-8', 'implementation  Package');
    const single = await product('WIDGET-9', 'Standard licence');
    const xeroItem = async (code: string) =>
      (await kit.xeroItems()).filter((item) => item.Code === code);
    const [implPkg] = await xeroItem('IMPL-PKG');
    const [licStd] = await xeroItem('LIC-STD');
    const linkOf = (productId: number) =>
      getItemLink(kit.store.db, { companyId: COMPANY_ID, tenantId: TENANT_ID, productId });

    const result = await bulkSync(kit.deps(settings), { what: 'products' });
    assert.equal(result.nextCursor, null);
    const failedIds = result.failed.map((failure) => failure.id);
    assert.ok(!failedIds.includes(`product:${inBulk}`), JSON.stringify(result.failed));
    assert.deepEqual(await linkOf(inBulk), {
      xeroItemCode: 'IMPL-PKG',
      xeroItemId: implPkg?.ItemID,
    });

    const runId = (
      await createRun(kit.store.db, { companyId: COMPANY_ID, kind: 'item' }, new Date())
    ).id;
    const synced = await syncItem(kit.deps(settings), { productId: single, runId });
    assert.equal(synced.status, 'succeeded', JSON.stringify(synced));
    assert.ok(synced.status === 'succeeded' && !synced.created);
    assert.equal(synced.code, 'LIC-STD');
    assert.equal(synced.itemId, licStd?.ItemID);
    assert.equal((await linkOf(single))?.xeroItemCode, 'LIC-STD');

    // Linked, not created: no item under the products' codes, one item each keeping Code and Name.
    const items = await kit.xeroItems();
    for (const code of ['WIDGET-8', 'WIDGET-9'])
      assert.ok(!items.some((item) => item.Code === code), `${code} was created`);
    for (const name of ['Implementation package', 'Standard licence']) {
      const holders = items.filter((item) => item.Name?.toLowerCase() === name.toLowerCase());
      assert.equal(holders.length, 1, `${name}: ${holders.map((item) => item.Code).join(', ')}`);
    }
    assert.equal((await xeroItem('IMPL-PKG'))[0]?.Name, 'Implementation package');

    // A document for the same product uses the item the bulk sync linked.
    const { outcome, invoice } = await run(await dealWith(inBulk), settings);
    assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome));
    assert.equal(invoice?.LineItems[0]?.ItemCode, (await linkOf(inBulk))?.xeroItemCode);
  });
});
