import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { buildDocument } from '../../src/sync/mapping/document.js';
import type {
  DealProductInput,
  DocumentInput,
  TaxMethod,
  XeroInvoiceDraft,
  XeroQuoteDraft,
} from '../../src/sync/mapping/types.js';
import { deal, demoOrg, documentInput, product, withSettings } from './mapping-fixtures.js';

function built(overrides: Partial<DocumentInput>) {
  const result = buildDocument(documentInput(overrides));
  if (!result.ok) assert.fail(`refused: ${result.refusal.code} ${result.refusal.message}`);
  return result;
}

const lines = (products: Partial<DealProductInput>[]) =>
  products.map((overrides, index) =>
    product({ id: index + 1, product_id: 101 + index, ...overrides }),
  );

describe('buildDocument: invoice shape (docs/vendors/xero.md §10)', () => {
  it('makes a DRAFT ACCREC invoice with reference key, deal URL, dates and line fields', () => {
    const result = built({
      dealProducts: lines([
        {
          name: 'Consulting hour',
          comments: 'On site',
          item_price: 180,
          quantity: 2.5,
          discount: 10,
        },
      ]),
    });
    const invoice = result.document as XeroInvoiceDraft;
    assert.equal(invoice.Status, 'DRAFT');
    assert.equal(invoice.Type, 'ACCREC');
    assert.equal(invoice.Reference, 'Pipedrive deal 42: Website rebuild [PD-42-stage-7]');
    assert.equal(invoice.Url, 'https://kauri.pipedrive.com/deal/42');
    assert.equal(invoice.Date, '2026-11-25');
    assert.equal(invoice.DueDate, '2026-12-09');
    assert.equal(invoice.LineAmountTypes, 'Exclusive');
    assert.equal(invoice.CurrencyCode, 'NZD');
    assert.deepEqual(invoice.Contact, { ContactID: '430fa14a-0000-4000-8000-000000000001' });
    assert.deepEqual(invoice.LineItems, [
      {
        Description: 'Consulting hour\nOn site',
        Quantity: 2.5,
        UnitAmount: 180,
        AccountCode: '200',
        TaxType: 'OUTPUT2',
        ItemCode: 'ITEM-101',
        DiscountRate: 10,
      },
    ]);
    assert.equal(result.expected.total.toFixed(2), '465.75');
    assert.equal(result.correction, undefined);
  });

  it('gives the same Reference for the same (deal, trigger) and a different one per trigger', () => {
    const first = built({}).document.Reference;
    assert.equal(
      built({ deal: deal({ title: 'Renamed' }) }).document.Reference.endsWith('[PD-42-stage-7]'),
      true,
    );
    assert.equal(built({}).document.Reference, first);
    assert.notEqual(built({ triggerKey: 'won' }).document.Reference, first);
  });

  it('uses due-date terms "day of following month", branding theme and trackings', () => {
    const settings = withSettings((s) => {
      s.documents.dueDate = { type: 'day_of_following_month', days: 31 };
      s.documents.brandingThemeId = '5d4dd402-c851-497e-aae1-9ff265c0d15a';
      s.documents.trackings = [{ categoryName: 'Region', optionName: 'North' }];
    });
    const invoice = built({ settings }).document as XeroInvoiceDraft;
    assert.equal(invoice.DueDate, '2026-12-31');
    assert.equal(invoice.BrandingThemeID, '5d4dd402-c851-497e-aae1-9ff265c0d15a');
    assert.deepEqual(invoice.LineItems[0]!.Tracking, [{ Name: 'Region', Option: 'North' }]);
  });

  it('skips disabled lines', () => {
    const result = built({
      dealProducts: lines([{ item_price: 50 }, { item_price: 999, is_enabled: false }]),
    });
    assert.equal(result.document.LineItems.length, 1);
    assert.equal(result.expected.total.toFixed(2), '57.50');
  });

  it('sends an amount discount once per line as DiscountAmount', () => {
    const result = built({
      dealProducts: lines([
        { item_price: 10, quantity: 3, discount: 5, discount_type: 'amount', tax: 0 },
      ]),
    });
    assert.equal(result.document.LineItems[0]!.DiscountAmount, 5);
    assert.equal(result.document.LineItems[0]!.TaxType, 'NONE');
    assert.equal(result.expected.total.toFixed(2), '25.00');
  });

  it('sends a percentage with more than 2 decimals as an amount, and says so', () => {
    const result = built({ dealProducts: lines([{ item_price: 1000, discount: 12.345, tax: 0 }]) });
    assert.equal(result.document.LineItems[0]!.DiscountAmount, 123.45);
    assert.equal(result.document.LineItems[0]!.DiscountRate, undefined);
    assert.match(result.notes.join(' '), /12\.345 % discount is sent as an amount/);
  });

  it('makes one line from title and value when the deal has no products', () => {
    const result = built({
      dealProducts: [],
      deal: deal({ value: 1234.5 }),
      settings: withSettings((s) => {
        s.items.defaultItemCode = 'SERVICES';
      }),
    });
    assert.deepEqual(result.document.LineItems, [
      {
        Description: 'Website rebuild',
        Quantity: 1,
        UnitAmount: 1234.5,
        AccountCode: '200',
        TaxType: 'NONE',
        ItemCode: 'SERVICES',
      },
    ]);
    assert.equal((result.document as XeroInvoiceDraft).LineAmountTypes, 'NoTax');
    assert.equal(result.expected.total.toFixed(2), '1234.50');
  });
});

describe('buildDocument: quote shape (docs/vendors/xero.md §11)', () => {
  it('makes a DRAFT quote with upper-case LineAmountTypes, expiry, title, summary and terms', () => {
    const settings = withSettings((s) => {
      s.documents.quote = {
        expiryDays: 30,
        titleTemplate: 'Quote for {deal.title}',
        terms: 'Valid 30 days',
        summary: 'As discussed',
      };
    });
    const quote = built({
      kind: 'quote',
      settings,
      dealProducts: lines([{ tax_method: 'inclusive' }]),
    }).document as XeroQuoteDraft;
    assert.equal(quote.Status, 'DRAFT');
    assert.equal(quote.LineAmountTypes, 'INCLUSIVE');
    assert.equal(quote.ExpiryDate, '2026-12-25');
    assert.equal(quote.Title, 'Quote for Website rebuild');
    assert.equal(quote.Summary, 'As discussed');
    assert.equal(quote.Terms, 'Valid 30 days');
    assert.equal('Type' in quote, false);
  });
});

describe('buildDocument: tax modes × rates (totals equal the deal total)', () => {
  const methods: [TaxMethod, string][] = [
    ['exclusive', 'Exclusive'],
    ['inclusive', 'Inclusive'],
    ['none', 'NoTax'],
  ];
  const rates: [number, string][] = [
    [15, 'OUTPUT2'],
    [9, 'TAX001'],
    [0, 'NONE'],
  ];
  const expectedTotal: Record<TaxMethod, Record<number, string>> = {
    exclusive: { 15: '143.74', 9: '136.24', 0: '124.99' },
    inclusive: { 15: '124.99', 9: '124.99', 0: '124.99' },
    none: { 15: '124.99', 9: '124.99', 0: '124.99' },
  };
  for (const [method, mode] of methods) {
    for (const [rate, taxType] of rates) {
      it(`${method}, ${rate} % → ${mode}, ${method === 'none' ? 'NONE' : taxType}, total ${expectedTotal[method][rate]}`, () => {
        const result = built({
          dealProducts: lines([{ item_price: 124.99, tax: rate, tax_method: method }]),
        });
        const invoice = result.document as XeroInvoiceDraft;
        assert.equal(invoice.LineAmountTypes, mode);
        assert.equal(invoice.LineItems[0]!.TaxType, method === 'none' ? 'NONE' : taxType);
        assert.equal(result.expected.total.toFixed(2), expectedTotal[method][rate]);
        assert.equal(result.dealTotal.toFixed(2), expectedTotal[method][rate]);
      });
    }
  }

  it('a lineAmountType setting overrides the deal tax method', () => {
    const settings = withSettings((s) => {
      s.documents.lineAmountType = 'inclusive';
    });
    const result = built({ settings, dealProducts: lines([{ tax: 15, tax_method: 'exclusive' }]) });
    assert.equal((result.document as XeroInvoiceDraft).LineAmountTypes, 'Inclusive');
    assert.equal(result.expected.total.toFixed(2), '100.00');
  });

  it('uses an explicit tax mapping before matching by rate', () => {
    const org = demoOrg();
    const settings = withSettings((s) => {
      s.documents.taxMappings = [
        { ratePercent: 0, taxType: 'ZERORATED' },
        { ratePercent: 15, taxType: 'OUTPUT2' },
      ];
      s.documents.noTaxType = 'ZERORATED';
    });
    const result = built({ settings, org, dealProducts: lines([{ tax: 0 }]) });
    assert.equal(result.document.LineItems[0]!.TaxType, 'ZERORATED');
  });
});

describe('buildDocument: deal-level discounts as negative lines', () => {
  it('one negative line per tax type, on the default account, so tax comes off too', () => {
    const result = built({
      dealProducts: lines([
        { item_price: 300, tax: 15 },
        { item_price: 100, tax: 0 },
        { item_price: 50, tax: 15, billing_frequency: 'monthly', billing_frequency_cycles: 12 },
      ]),
      dealDiscounts: [{ id: 'd1', description: 'Loyalty', type: 'amount', amount: 40 }],
    });
    const discountLines = result.document.LineItems.filter((line) => line.UnitAmount < 0);
    assert.deepEqual(
      discountLines.map((line) => [line.UnitAmount, line.TaxType, line.AccountCode]),
      [
        [-30, 'OUTPUT2', '200'],
        [-10, 'NONE', '200'],
      ],
    );
    assert.match(discountLines[0]!.Description, /^Deal discount: Loyalty 40\.00/);
    // 270 × 1.15 + 90 + 50 × 1.15 = 458.00
    assert.equal(result.expected.total.toFixed(2), '458.00');
  });

  it('a deal percentage discount on one tax rate gives a single line without a tax suffix', () => {
    const result = built({
      dealProducts: lines([{ item_price: 25.06 }, { item_price: 25.61 }, { item_price: 25.63 }]),
      dealDiscounts: [{ id: 'd', description: '', type: 'percentage', amount: 10 }],
    });
    const last = result.document.LineItems.at(-1)!;
    assert.deepEqual(
      [last.Description, last.UnitAmount, last.TaxType],
      ['Deal discount: 10 %', -7.63, 'OUTPUT2'],
    );
    assert.equal(result.expected.total.toFixed(2), result.dealTotal.toFixed(2));
  });
});

describe('buildDocument: items and recurring products', () => {
  it('default_item policy puts the default item code on lines without an item', () => {
    const settings = withSettings((s) => {
      s.items.productNotFound = 'default_item';
      s.items.defaultItemCode = 'MISC';
    });
    const result = built({ settings, items: new Map([[101, null]]) });
    assert.equal(result.document.LineItems[0]!.ItemCode, 'MISC');
  });

  it("takes the item's sales account when it has one", () => {
    const result = built({
      items: new Map([[101, { Code: 'CONS-HR', SalesDetails: { AccountCode: '260' } }]]),
    });
    assert.deepEqual(
      [result.document.LineItems[0]!.ItemCode, result.document.LineItems[0]!.AccountCode],
      ['CONS-HR', '260'],
    );
  });

  it('first_period: one period at item price, the description says the schedule', () => {
    const result = built({
      dealProducts: lines([
        {
          name: 'Pro licence',
          item_price: 149,
          billing_frequency: 'monthly',
          billing_frequency_cycles: 12,
          billing_start_date: '2026-12-01',
        },
      ]),
    });
    const line = result.document.LineItems[0]!;
    assert.equal(line.Description, 'Pro licence\n(monthly, 12 cycles from 2026-12-01)');
    assert.equal(line.Quantity, 1);
    assert.equal(result.expected.total.toFixed(2), '171.35');
  });

  it('all_cycles: quantity × cycles, amount discount × cycles', () => {
    const settings = withSettings((s) => {
      s.documents.recurringBilling = 'all_cycles';
    });
    const result = built({
      settings,
      dealProducts: lines([
        {
          item_price: 149,
          quantity: 2,
          discount: 10,
          discount_type: 'amount',
          billing_frequency: 'monthly',
          billing_frequency_cycles: 12,
          tax: 0,
        },
      ]),
    });
    const line = result.document.LineItems[0]!;
    assert.deepEqual([line.Quantity, line.DiscountAmount], [24, 120]);
    assert.equal(result.expected.total.toFixed(2), '3456.00');
  });
});

describe('buildDocument: corrections where per-line rounding drifts', () => {
  it('tax-only drift (25.06/25.61/25.63 at 15 %) → TaxAmount override on the largest line', () => {
    const result = built({
      dealProducts: lines([{ item_price: 25.06 }, { item_price: 25.61 }, { item_price: 25.63 }]),
    });
    assert.equal(result.dealTotal.toFixed(2), '87.75');
    assert.equal(result.expected.total.toFixed(2), '87.75');
    assert.equal(result.correction?.kind, 'tax_override');
    assert.equal(result.correction?.amount.toFixed(2), '0.01');
    assert.deepEqual(
      result.document.LineItems.map((line) => line.TaxAmount),
      [undefined, undefined, 3.85],
    );
    assert.match(result.notes.join(' '), /tax on "Consulting hour" was set \+0\.01 NZD/);
  });

  it('line drift (3 × 0.125 inclusive) → a Rounding line on the ROUNDING account with no tax', () => {
    const result = built({
      dealProducts: lines([
        { item_price: 0.125, tax_method: 'inclusive' },
        { item_price: 0.125, tax_method: 'inclusive' },
        { item_price: 0.125, tax_method: 'inclusive' },
      ]),
    });
    assert.equal(result.correction?.kind, 'rounding_line');
    assert.deepEqual(result.document.LineItems.at(-1), {
      Description: 'Rounding',
      Quantity: 1,
      UnitAmount: -0.01,
      AccountCode: '860',
      TaxType: 'NONE',
    });
    assert.equal(result.expected.total.toFixed(2), '0.38');
  });

  it('without a Rounding account, a tax override still fixes an exclusive drift', () => {
    const org = demoOrg({
      accounts: demoOrg().accounts.filter((account) => account.SystemAccount !== 'ROUNDING'),
    });
    const result = built({
      org,
      dealProducts: lines([
        { item_price: 0.125 },
        { item_price: 0.125 },
        { item_price: 0.125 },
        { item_price: 10 },
      ]),
    });
    assert.equal(result.correction?.kind, 'tax_override');
    assert.equal(result.expected.total.toFixed(2), result.dealTotal.toFixed(2));
  });

  it('without a Rounding account and nothing taxed → refusal total_mismatch with both totals', () => {
    const org = demoOrg({
      accounts: demoOrg().accounts.filter((account) => account.SystemAccount !== 'ROUNDING'),
    });
    const result = buildDocument(
      documentInput({
        org,
        dealProducts: lines([
          { item_price: 0.125, tax: 0 },
          { item_price: 0.125, tax: 0 },
          { item_price: 0.125, tax: 0 },
        ]),
      }),
    );
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.refusal.code, 'total_mismatch');
    assert.deepEqual(result.refusal.details, {
      dealTotal: '0.38',
      xeroTotal: '0.39',
      currency: 'NZD',
    });
  });
});
