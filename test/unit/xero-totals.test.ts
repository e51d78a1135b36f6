import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  computeLine,
  type LineInput,
  round,
  sumDocument,
  type TaxMode,
} from '../../sandbox/xero/accounting/totals.js';

/** Xero's arithmetic, table by table (docs/vendors/money.md B1–B5, docs/vendors/xero.md §10). */

function totals(lines: LineInput[], mode: TaxMode, unitDp: 2 | 4 = 2) {
  const priced = lines.map((line) => {
    const outcome = computeLine(line, mode, unitDp);
    if (!outcome.ok) throw new Error(outcome.message);
    return outcome.line;
  });
  const doc = sumDocument(priced, mode);
  return {
    lines: priced.map((line) => [line.lineAmount.toFixed(2), line.taxAmount.toFixed(2)]),
    subTotal: doc.subTotal.toFixed(2),
    totalTax: doc.totalTax.toFixed(2),
    total: doc.total.toFixed(2),
    totalDiscount: doc.totalDiscount.toFixed(2),
  };
}

describe('round: half away from zero (docs/vendors/money.md B1)', () => {
  for (const [value, expected] of [
    [2.165, '2.17'],
    [2.164, '2.16'],
    [19.125, '19.13'],
    [17.955, '17.96'],
    [-2.165, '-2.17'],
  ] as const) {
    it(`${value} → ${expected}`, () => assert.equal(round(value, 2).toFixed(2), expected));
  }
});

describe('document totals', () => {
  const cases: [string, LineInput[], TaxMode, 2 | 4, Partial<ReturnType<typeof totals>>][] = [
    [
      'tax per line then summed: 25.06/25.61/25.63 at 15 % → 11.44 (D-ROUND)',
      [25.06, 25.61, 25.63].map((unitAmount) => ({ quantity: 1, unitAmount, taxRate: 15 })),
      'Exclusive',
      2,
      { subTotal: '76.30', totalTax: '11.44', total: '87.74' },
    ],
    [
      '19.95 less 10 % → 17.96, tax 2.69, total 20.65, discount 1.99 (spec GET /Quotes example)',
      [{ quantity: 1, unitAmount: 19.95, discountRate: 10, taxRate: 15 }],
      'Exclusive',
      4,
      { lines: [['17.96', '2.69']], total: '20.65', totalDiscount: '1.99' },
    ],
    [
      '22.50 less 15 % → 19.13 (19.125 rounds up), discount 3.37 (COMM-89760256)',
      [{ quantity: 1, unitAmount: 22.5, discountRate: 15, taxRate: 0 }],
      'Exclusive',
      2,
      { subTotal: '19.13', totalDiscount: '3.37' },
    ],
    [
      'inclusive 20.00 at 9.5 % → tax 1.74, subtotal 18.26 (spec BankTransactions example)',
      [{ quantity: 1, unitAmount: 20, taxRate: 9.5 }],
      'Inclusive',
      2,
      { lines: [['20.00', '1.74']], subTotal: '18.26', totalTax: '1.74', total: '20.00' },
    ],
    [
      'inclusive 20.00 at 15 % → tax 2.61',
      [{ quantity: 1, unitAmount: 20, taxRate: 15 }],
      'Inclusive',
      2,
      { subTotal: '17.39', totalTax: '2.61', total: '20.00' },
    ],
    [
      'inclusive 4 × 59.99 totals 239.96 (COMM-44391)',
      [{ quantity: 4, unitAmount: 59.99, taxRate: 15 }],
      'Inclusive',
      2,
      { total: '239.96', totalTax: '31.30' },
    ],
    [
      'NoTax ignores the rate',
      [{ quantity: 3, unitAmount: 10, taxRate: 15 }],
      'NoTax',
      2,
      { subTotal: '30.00', totalTax: '0.00', total: '30.00' },
    ],
    [
      'amount discount is per line: 2 × 100 − 15',
      [{ quantity: 2, unitAmount: 100, discountAmount: 15, taxRate: 15 }],
      'Exclusive',
      2,
      { lines: [['185.00', '27.75']], totalDiscount: '15.00' },
    ],
    [
      'unitdp 2 rounds the unit first: 3 × 2.345 → 3 × 2.35',
      [{ quantity: 3, unitAmount: 2.345, taxRate: 0 }],
      'Exclusive',
      2,
      { subTotal: '7.05' },
    ],
    [
      'unitdp 4 keeps the unit: 3 × 2.345 = 7.035 → 7.04',
      [{ quantity: 3, unitAmount: 2.345, taxRate: 0 }],
      'Exclusive',
      4,
      { subTotal: '7.04' },
    ],
    [
      'a supplied TaxAmount overrides the computed one',
      [{ quantity: 1, unitAmount: 100, taxRate: 15, taxAmount: 14.99 }],
      'Exclusive',
      2,
      { totalTax: '14.99', total: '114.99' },
    ],
    [
      'only a LineAmount: the unit is derived',
      [{ quantity: 2, lineAmount: 50, taxRate: 15 }],
      'Exclusive',
      2,
      { subTotal: '50.00', totalTax: '7.50' },
    ],
  ];
  for (const [name, lines, mode, unitDp, expected] of cases) {
    it(name, () => {
      const actual = totals(lines, mode, unitDp);
      for (const [key, value] of Object.entries(expected)) {
        assert.deepEqual(actual[key as keyof typeof actual], value, key);
      }
    });
  }

  it('quantities keep 4 dp', () => {
    const outcome = computeLine({ quantity: 1.33335, unitAmount: 3, taxRate: 0 }, 'Exclusive', 2);
    assert.ok(outcome.ok);
    assert.equal(outcome.line.quantity.toFixed(4), '1.3334');
    assert.equal(outcome.line.lineAmount.toFixed(2), '4.00');
  });
});

describe('line refusals with Xero wording', () => {
  const cases: [string, LineInput, string][] = [
    [
      'a LineAmount that disagrees (COMM-44391)',
      { quantity: 1, unitAmount: 199.96, lineAmount: 199.97, taxRate: 15 },
      'The line total 199.97 does not match the expected line total 199.96',
    ],
    [
      'a discount rate over 100 %',
      { quantity: 1, unitAmount: 10, discountRate: 127.83, taxRate: 15 },
      "The discount rate '127.83' is invalid. Discount must not be greater than the line total.",
    ],
    [
      'a discount amount over the line',
      { quantity: 1, unitAmount: 10, discountAmount: 27.83, taxRate: 15 },
      "The discount rate '27.83' is invalid. Discount must not be greater than the line total.",
    ],
    [
      'a TaxAmount greater than the line (DEXT)',
      { quantity: 1, unitAmount: 10, taxAmount: 10.01, taxRate: 15 },
      'The tax amount cannot be greater than the line amount!',
    ],
  ];
  for (const [name, line, message] of cases) {
    it(name, () => assert.deepEqual(computeLine(line, 'Exclusive', 2), { ok: false, message }));
  }

  it('a LineAmount that agrees is accepted', () => {
    const outcome = computeLine(
      { quantity: 1, unitAmount: 19.95, discountRate: 10, lineAmount: 17.96, taxRate: 15 },
      'Exclusive',
      2,
    );
    assert.equal(outcome.ok && outcome.line.lineAmount.toFixed(2), '17.96');
  });
});
