import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { mayHaveDealDiscounts, pipedriveDealTotal } from '../../src/sync/mapping/money.js';
import type {
  DealDiscountInput,
  DealProductInput,
  TaxMethod,
  XeroLineItem,
} from '../../src/sync/mapping/types.js';
import { xeroExpectedTotals } from '../../src/sync/mapping/xero-totals.js';
import { product } from './mapping-fixtures.js';

const discount = (type: 'percentage' | 'amount', amount: number): DealDiscountInput => ({
  id: `${type}-${amount}`,
  description: '',
  type,
  amount,
});

describe('pipedriveDealTotal (docs/vendors/money.md "Our stance" 1–5)', () => {
  const cases: [string, Partial<DealProductInput>[], DealDiscountInput[], TaxMethod, string][] = [
    ['exclusive 15 %: 100 + 15', [{ tax: 15 }], [], 'exclusive', '115.00'],
    ['exclusive 9 %: 100 + 9', [{ tax: 9 }], [], 'exclusive', '109.00'],
    ['exclusive 0 %', [{ tax: 0 }], [], 'exclusive', '100.00'],
    ['inclusive 15 %: tax is inside', [{ tax: 15 }], [], 'inclusive', '100.00'],
    ['inclusive 9 %', [{ tax: 9 }], [], 'inclusive', '100.00'],
    ['none 15 %: nothing added', [{ tax: 15 }], [], 'none', '100.00'],
    [
      'spec example 22 × 5 less 0.2 %, inclusive',
      [{ item_price: 22, quantity: 5, discount: 0.2, tax: 11 }],
      [],
      'inclusive',
      '109.78',
    ],
    [
      'amount discount once per line: 3 × 10 less 5',
      [{ item_price: 10, quantity: 3, discount: 5, discount_type: 'amount', tax: 0 }],
      [],
      'exclusive',
      '25.00',
    ],
    [
      'percentage discount then exclusive tax',
      [{ item_price: 22.5, discount: 15, tax: 15 }],
      [],
      'exclusive',
      '21.99',
    ],
    [
      'disabled line is left out',
      [{ tax: 15 }, { item_price: 999, is_enabled: false }],
      [],
      'exclusive',
      '115.00',
    ],
    [
      'quantity with 4 dp: 180 × 1.3333',
      [{ item_price: 180, quantity: 1.3333, tax: 0 }],
      [],
      'none',
      '239.99',
    ],
    [
      'deal discount 10 % before tax',
      [{ tax: 15 }],
      [discount('percentage', 10)],
      'exclusive',
      '103.50',
    ],
    [
      'deal discount amount shared pro rata, mixed tax',
      [
        { item_price: 300, tax: 15 },
        { item_price: 100, tax: 0 },
      ],
      [discount('amount', 40)],
      'exclusive',
      '400.50',
    ],
    [
      'deal discounts apply in order',
      [{ tax: 0 }],
      [discount('percentage', 10), discount('amount', 10)],
      'none',
      '80.00',
    ],
    [
      'deal discount skips recurring lines',
      [{ tax: 0 }, { tax: 0, billing_frequency: 'monthly', billing_frequency_cycles: 12 }],
      [discount('percentage', 50)],
      'none',
      '150.00',
    ],
    [
      'exact sum rounded once: 3 × 0.125 inclusive',
      [{ item_price: 0.125 }, { item_price: 0.125 }, { item_price: 0.125 }],
      [],
      'inclusive',
      '0.38',
    ],
    [
      '25.06 + 25.61 + 25.63 at 15 % exclusive: 87.745 → 87.75',
      [{ item_price: 25.06 }, { item_price: 25.61 }, { item_price: 25.63 }],
      [],
      'exclusive',
      '87.75',
    ],
  ];
  for (const [name, lines, discounts, method, expected] of cases) {
    it(name, () => {
      const total = pipedriveDealTotal(
        lines.map((line) => product(line)),
        discounts,
        method,
        2,
      );
      assert.equal(total.toFixed(2), expected);
    });
  }

  it('rounds to the currency decimals (0 for JPY-like currencies)', () => {
    assert.equal(
      pipedriveDealTotal([product({ item_price: 99.5, tax: 0 })], [], 'none', 0).toFixed(0),
      '100',
    );
  });
});

const rates: Record<string, number> = { OUTPUT2: 15, TAX001: 9, NONE: 0, TEN: 10 };
const rateOf = (taxType: string) => rates[taxType] ?? 0;
const line = (overrides: Partial<XeroLineItem>): XeroLineItem => ({
  Description: 'x',
  Quantity: 1,
  UnitAmount: 0,
  AccountCode: '200',
  TaxType: 'OUTPUT2',
  ...overrides,
});

describe("xeroExpectedTotals (docs/vendors/money.md B1–B4, Xero's per-line algorithm)", () => {
  const cases: [
    string,
    XeroLineItem[],
    'Exclusive' | 'Inclusive' | 'NoTax' | 'EXCLUSIVE',
    2 | 4,
    { subTotal: string; totalTax: string; total: string },
  ][] = [
    [
      "tax midpoint 2.165 → 2.17 (not banker's)",
      [line({ UnitAmount: 21.65, TaxType: 'TEN' })],
      'Exclusive',
      4,
      { subTotal: '21.65', totalTax: '2.17', total: '23.82' },
    ],
    [
      '22.50 less 15 % → 19.125 → 19.13',
      [line({ UnitAmount: 22.5, DiscountRate: 15, TaxType: 'NONE' })],
      'Exclusive',
      4,
      { subTotal: '19.13', totalTax: '0.00', total: '19.13' },
    ],
    [
      '25.06/25.61/25.63 at 15 % → tax 11.44, not 11.45',
      [line({ UnitAmount: 25.06 }), line({ UnitAmount: 25.61 }), line({ UnitAmount: 25.63 })],
      'Exclusive',
      4,
      { subTotal: '76.30', totalTax: '11.44', total: '87.74' },
    ],
    [
      'quote example 19.95 less 10 % → 17.96, tax 2.69',
      [line({ UnitAmount: 19.95, DiscountRate: 10 })],
      'EXCLUSIVE',
      4,
      { subTotal: '17.96', totalTax: '2.69', total: '20.65' },
    ],
    [
      'inclusive 4 × 59.99 = 239.96',
      [line({ Quantity: 4, UnitAmount: 59.99 })],
      'Inclusive',
      4,
      { subTotal: '208.66', totalTax: '31.30', total: '239.96' },
    ],
    [
      'inclusive 9 %: tax = 109 × 9/109',
      [line({ UnitAmount: 109, TaxType: 'TAX001' })],
      'Inclusive',
      4,
      { subTotal: '100.00', totalTax: '9.00', total: '109.00' },
    ],
    [
      'NoTax ignores the tax type',
      [line({ UnitAmount: 100 })],
      'NoTax',
      4,
      { subTotal: '100.00', totalTax: '0.00', total: '100.00' },
    ],
    [
      'unit rounded to 2 dp without unitdp=4',
      [line({ Quantity: 3, UnitAmount: 0.125, TaxType: 'NONE' })],
      'Exclusive',
      2,
      { subTotal: '0.39', totalTax: '0.00', total: '0.39' },
    ],
    [
      'unit kept at 4 dp with unitdp=4',
      [line({ Quantity: 3, UnitAmount: 0.125, TaxType: 'NONE' })],
      'Exclusive',
      4,
      { subTotal: '0.38', totalTax: '0.00', total: '0.38' },
    ],
    [
      'DiscountAmount once per line',
      [line({ Quantity: 3, UnitAmount: 10, DiscountAmount: 5 })],
      'Exclusive',
      4,
      { subTotal: '25.00', totalTax: '3.75', total: '28.75' },
    ],
    [
      'negative line rounds by magnitude',
      [line({ UnitAmount: 100 }), line({ UnitAmount: -10.125 })],
      'Exclusive',
      4,
      { subTotal: '89.87', totalTax: '13.48', total: '103.35' },
    ],
    [
      'TaxAmount override is used as sent',
      [line({ UnitAmount: 25.06, TaxAmount: 3.77 })],
      'Exclusive',
      4,
      { subTotal: '25.06', totalTax: '3.77', total: '28.83' },
    ],
  ];
  for (const [name, lines, mode, unitdp, expected] of cases) {
    it(name, () => {
      const totals = xeroExpectedTotals(lines, mode, unitdp, rateOf);
      assert.deepEqual(
        {
          subTotal: totals.subTotal.toFixed(2),
          totalTax: totals.totalTax.toFixed(2),
          total: totals.total.toFixed(2),
        },
        expected,
      );
    });
  }

  it('reports TotalDiscount as Σ(Qty × Unit − LineAmount): 19.95 less 10 % → 1.99', () => {
    const totals = xeroExpectedTotals(
      [line({ UnitAmount: 19.95, DiscountRate: 10 })],
      'Exclusive',
      4,
      rateOf,
    );
    assert.equal(totals.totalDiscount.toFixed(2), '1.99');
  });
});

describe("mayHaveDealDiscounts: a deal whose value is its one-time lines' total has none", () => {
  it('answers "none" only when every enabled line is one-time and the value is their exact total', () => {
    const lines = [product({ tax: 15 }), product({ id: 2, item_price: 20, quantity: 2 })];
    assert.equal(mayHaveDealDiscounts(161, lines), false, '100 + 40, plus 15 % on top');
    assert.equal(mayHaveDealDiscounts(144.9, lines), true, 'a 10 % deal discount lowers the value');
    assert.equal(mayHaveDealDiscounts(160.99, lines), true, 'a cent apart');
    const disabled = [...lines, product({ id: 3, item_price: 999, is_enabled: false })];
    assert.equal(mayHaveDealDiscounts(161, disabled), false, 'disabled lines do not count');
    const recurring = [product({ billing_frequency: 'monthly', billing_frequency_cycles: 12 })];
    assert.equal(mayHaveDealDiscounts(115, recurring), true, 'recurring: the value may not move');
    assert.equal(mayHaveDealDiscounts(0, []), true, 'no enabled line');
  });
});
