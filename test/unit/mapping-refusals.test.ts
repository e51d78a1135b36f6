import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { buildDocument } from '../../src/sync/mapping/document.js';
import type { Refusal, RefusalCode } from '../../src/sync/mapping/refusal.js';
import type { DocumentInput } from '../../src/sync/mapping/types.js';
import { refusalNote } from '../../src/sync/refusals.js';
import { deal, demoOrg, documentInput, product, withSettings } from './mapping-fixtures.js';

const archivedSales = demoOrg({
  accounts: demoOrg().accounts.map((account) =>
    account.Code === '200' ? { ...account, Status: 'ARCHIVED' } : account,
  ),
});

const cases: [string, Partial<DocumentInput>, RefusalCode, Refusal['details']][] = [
  [
    'EUR not enabled in Xero',
    { deal: deal({ currency: 'EUR' }) },
    'currency_not_enabled',
    { currency: 'EUR', orgName: 'Kauri Coast Trading Ltd' },
  ],
  [
    'base-currency setting with a USD deal',
    {
      deal: deal({ currency: 'USD' }),
      settings: withSettings((s) => {
        s.documents.currency = 'organisation_base';
      }),
    },
    'currency_not_base',
    { currency: 'USD', baseCurrency: 'NZD', orgName: 'Kauri Coast Trading Ltd' },
  ],
  [
    '12.5 % has no Xero rate',
    { dealProducts: [product({ tax: 12.5 })] },
    'tax_rate_not_mapped',
    { ratePercent: 12.5, candidates: [] },
  ],
  [
    'mapped TaxType missing in Xero',
    {
      settings: withSettings((s) => {
        s.documents.taxMappings = [{ ratePercent: 15, taxType: 'OUTPUT9' }];
      }),
    },
    'tax_type_not_found',
    { taxType: 'OUTPUT9', ratePercent: 15 },
  ],
  [
    'mapped TaxType deleted',
    {
      settings: withSettings((s) => {
        s.documents.taxMappings = [{ ratePercent: 15, taxType: 'GSTONIMPORTSOLD' }];
      }),
    },
    'tax_type_not_active',
    { taxType: 'GSTONIMPORTSOLD', status: 'DELETED' },
  ],
  [
    'mapped TaxType is a purchase rate',
    {
      settings: withSettings((s) => {
        s.documents.taxMappings = [{ ratePercent: 15, taxType: 'INPUT2' }];
      }),
    },
    'tax_type_not_for_sales',
    { taxType: 'INPUT2' },
  ],
  [
    'mapped TaxType has another rate',
    {
      settings: withSettings((s) => {
        s.documents.taxMappings = [{ ratePercent: 15, taxType: 'TAX001' }];
      }),
    },
    'tax_rate_mismatch',
    { taxType: 'TAX001', ratePercent: 15, xeroRatePercent: 9 },
  ],
  [
    'noTaxType missing',
    {
      settings: withSettings((s) => {
        s.documents.noTaxType = 'EXEMPT';
      }),
    },
    'tax_type_not_found',
    { taxType: 'EXEMPT', ratePercent: 0 },
  ],
  [
    'default account missing',
    {
      settings: withSettings((s) => {
        s.documents.defaultAccountCode = '999';
      }),
    },
    'account_not_found',
    { accountCode: '999' },
  ],
  [
    'default account archived',
    { org: archivedSales },
    'account_not_active',
    { accountCode: '200', status: 'ARCHIVED' },
  ],
  [
    'item account archived',
    { items: new Map([[101, { Code: 'OLD', SalesDetails: { AccountCode: '205' } }]]) },
    'account_not_active',
    { accountCode: '205', status: 'ARCHIVED' },
  ],
  [
    'negative price',
    { dealProducts: [product({ item_price: -5 })] },
    'negative_price',
    { product: 'Consulting hour', price: -5 },
  ],
  [
    'zero quantity',
    { dealProducts: [product({ quantity: 0 })] },
    'invalid_quantity',
    { product: 'Consulting hour', quantity: 0 },
  ],
  [
    'negative quantity',
    { dealProducts: [product({ quantity: -1 })] },
    'invalid_quantity',
    { product: 'Consulting hour', quantity: -1 },
  ],
  [
    'quantity with 5 decimals',
    { dealProducts: [product({ quantity: 1.23456 })] },
    'quantity_too_precise',
    { product: 'Consulting hour', quantity: 1.23456 },
  ],
  [
    'discount over 100 %',
    { dealProducts: [product({ discount: 120 })] },
    'invalid_discount',
    { product: 'Consulting hour', discount: 120 },
  ],
  [
    'amount discount over the line',
    { dealProducts: [product({ discount: 101, discount_type: 'amount' })] },
    'invalid_discount',
    { product: 'Consulting hour', discount: 101 },
  ],
  [
    'all cycles of an endless subscription',
    {
      settings: withSettings((s) => {
        s.documents.recurringBilling = 'all_cycles';
      }),
      dealProducts: [product({ billing_frequency: 'monthly' })],
    },
    'recurring_cycles_unknown',
    { product: 'Consulting hour' },
  ],
  [
    'no Xero item, policy no_action',
    {
      dealProducts: [product(), product({ id: 2, product_id: 102, name: 'Router X200' })],
      items: new Map([[101, null]]),
    },
    'item_not_found',
    { products: ['Consulting hour', 'Router X200'] },
  ],
  [
    'no Xero item, policy create_item but not created',
    {
      settings: withSettings((s) => {
        s.items.productNotFound = 'create_item';
      }),
      items: new Map(),
    },
    'item_not_found',
    { products: ['Consulting hour'] },
  ],
  ['no products and no value', { dealProducts: [] }, 'deal_has_no_products', { dealId: 42 }],
  [
    'only disabled products',
    { dealProducts: [product({ is_enabled: false })] },
    'deal_has_no_products',
    { dealId: 42 },
  ],
  [
    'deal discount larger than the deal',
    { dealDiscounts: [{ id: 'x', description: '', type: 'amount', amount: 500 }] },
    'negative_total',
    { dealTotal: '-460.00' },
  ],
];

describe('buildDocument refuses bad input with a code and details', () => {
  for (const [name, overrides, code, details] of cases) {
    it(`${name} → ${code}`, () => {
      const result = buildDocument(documentInput(overrides));
      assert.equal(result.ok, false, 'expected a refusal');
      if (result.ok) return;
      assert.equal(result.refusal.code, code, result.refusal.message);
      assert.deepEqual(result.refusal.details, details);
      assert.notEqual(result.refusal.message, '');
    });
  }
});

describe('refusalNote: plain words for the deal note', () => {
  it('says what to enable for a missing currency, then Replay', () => {
    const result = buildDocument(documentInput({ deal: deal({ currency: 'EUR' }) }));
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(
      refusalNote(result.refusal),
      'Xero has no currency EUR enabled in Kauri Coast Trading Ltd. Enable it in Xero (Settings → Currencies), then Replay.',
    );
  });

  it('names every product without an item', () => {
    const note = refusalNote({
      code: 'item_not_found',
      message: '',
      details: { products: ['A', 'B', 'C'] },
    });
    assert.match(note, /^Xero has no item for "A", "B" and "C"\./);
  });

  it('states both totals for total_mismatch', () => {
    const note = refusalNote({
      code: 'total_mismatch',
      message: '',
      details: { dealTotal: '0.38', xeroTotal: '0.39', currency: 'NZD' },
    });
    assert.match(note, /0\.39 NZD, but the deal totals 0\.38 NZD/);
  });

  it('has words for every refusal the mapping produces, with no placeholder left empty', () => {
    for (const [, overrides] of cases) {
      const result = buildDocument(documentInput(overrides));
      if (result.ok) assert.fail('expected a refusal');
      const note = refusalNote(result.refusal);
      assert.match(note, /Replay\.$/);
      assert.doesNotMatch(note, /undefined/);
    }
  });
});
