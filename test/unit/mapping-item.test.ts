import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { itemForProduct, itemNamedBy, matchedItemDraft } from '../../src/sync/mapping/item.js';
import type { ProductInput } from '../../src/sync/mapping/types.js';
import { defaultSettings } from '../../src/sync/settings.js';

const catalogueProduct = (overrides: Partial<ProductInput>): ProductInput => ({
  id: 7,
  name: 'Router X200',
  code: 'HW-ROUTER',
  description: null,
  tax: 15,
  prices: [
    { price: 349.99, currency: 'NZD' },
    { price: 215.5, currency: 'USD' },
  ],
  ...overrides,
});

describe('itemForProduct (docs/vendors/xero.md §9)', () => {
  it('builds a sold item with code, name, price in the currency and the default account', () => {
    const result = itemForProduct(catalogueProduct({}), defaultSettings(), {
      currency: 'USD',
      taxType: 'OUTPUT2',
    });
    assert.deepEqual(result, {
      ok: true,
      item: {
        Code: 'HW-ROUTER',
        Name: 'Router X200',
        Description: 'Router X200',
        IsSold: true,
        SalesDetails: { AccountCode: '200', UnitPrice: 215.5, TaxType: 'OUTPUT2' },
      },
    });
  });

  it('uses PD-<id> when the product has no code', () => {
    const result = itemForProduct(catalogueProduct({ code: '' }), defaultSettings());
    assert.equal(result.ok && result.item.Code, 'PD-7');
  });

  it('refuses a code over 30 characters, naming it and its length', () => {
    const code = 'PREMIUM-SUPPORT-24X7-EXTENDED-COVER';
    const result = itemForProduct(catalogueProduct({ code }), defaultSettings());
    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.equal(result.refusal.code, 'item_code_too_long');
      assert.deepEqual(result.refusal.details, { code, length: 35, product: 'Router X200' });
    }
  });

  it('accepts exactly 30 characters and shortens a name over 50', () => {
    const result = itemForProduct(
      catalogueProduct({
        code: 'C'.repeat(30),
        name: "Premium support 24x7 (code is 35 chars, over Xero's 30)",
      }),
      defaultSettings(),
    );
    assert.equal(result.ok, true);
    if (result.ok) {
      assert.equal(result.item.Code.length, 30);
      assert.equal(result.item.Name.length, 50);
      assert.match(result.item.Name, /…$/);
    }
  });
});

describe('the item a key names, and the draft that updates it (issue 10)', () => {
  const items = [
    { Code: 'A-1', Name: 'Standard licence' },
    { Code: 'A-2', Name: 'Standard licence' },
  ];

  it('finds by Code exactly and by Name as a person reads it, the first of equal names', () => {
    assert.equal(itemNamedBy(items, { xeroField: 'Code', value: 'A-2' })?.Code, 'A-2');
    assert.equal(itemNamedBy(items, { xeroField: 'Code', value: 'a-2' }), undefined);
    assert.equal(
      itemNamedBy(items, { xeroField: 'Name', value: ' standard  Licence ' })?.Code,
      'A-1',
    );
  });

  it('keeps the found item’s Code, and its Name when matched by Name', () => {
    const product = catalogueProduct({ code: 'P'.repeat(35) });
    const byName = matchedItemDraft(
      product,
      defaultSettings(),
      { Code: 'A-1', Name: 'Standard licence' },
      { xeroField: 'Name', value: 'standard licence' },
      { currency: 'NZD' },
    );
    assert.equal(byName.Code, 'A-1');
    assert.equal(byName.Name, 'Standard licence');
    assert.equal(byName.SalesDetails.UnitPrice, 349.99);
    const byCode = matchedItemDraft(
      product,
      defaultSettings(),
      { Code: 'A-1', Name: 'Standard licence' },
      { xeroField: 'Code', value: 'A-1' },
    );
    assert.equal(byCode.Name, 'Router X200');
  });
});
