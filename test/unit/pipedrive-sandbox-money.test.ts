import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { dealValue, lineSum, type MoneyLine } from '../../sandbox/pipedrive/money.js';

const line = (overrides: Partial<MoneyLine>): MoneyLine => ({
  itemPrice: 100,
  quantity: 1,
  discount: 0,
  discountType: 'percentage',
  tax: 0,
  isEnabled: true,
  isOneTime: true,
  ...overrides,
});

describe('deal-product sum (docs/vendors/money.md A1 and stance 2)', () => {
  const cases: [string, MoneyLine, number, number][] = [
    [
      'spec v1 example: 22 × 5 less 0.2 %',
      line({ itemPrice: 22, quantity: 5, discount: 0.2, tax: 11 }),
      2,
      109.78,
    ],
    ['spec v2 example: 30.23 × 2', line({ itemPrice: 30.23, quantity: 2 }), 2, 60.46],
    [
      'amount discount once per line: 3 × 10 less 5',
      line({ itemPrice: 10, quantity: 3, discount: 5, discountType: 'amount' }),
      2,
      25,
    ],
    [
      'fractional quantity rounds half away from zero',
      line({ itemPrice: 180, quantity: 1.3333 }),
      2,
      239.99,
    ],
    ['midpoint 0.125 → 0.13', line({ itemPrice: 0.125, quantity: 1 }), 2, 0.13],
    ['zero-decimal currency', line({ itemPrice: 99.5, quantity: 1 }), 0, 100],
  ];
  for (const [name, input, decimals, expected] of cases) {
    it(name, () => assert.equal(lineSum(input, decimals), expected));
  }
});

describe('deal value (docs/vendors/money.md "Our stance" 1–5)', () => {
  const cases: [
    string,
    MoneyLine[],
    Parameters<typeof dealValue>[1],
    Parameters<typeof dealValue>[2],
    number,
  ][] = [
    [
      'inclusive adds nothing: spec line → 109.78',
      [line({ itemPrice: 22, quantity: 5, discount: 0.2, tax: 11 })],
      [],
      'inclusive',
      109.78,
    ],
    [
      'none: 30.23 × 2 → 60.46',
      [line({ itemPrice: 30.23, quantity: 2, tax: 15 })],
      [],
      'none',
      60.46,
    ],
    ['exclusive adds net × tax %: 100 at 20 % → 120', [line({ tax: 20 })], [], 'exclusive', 120],
    [
      'disabled lines do not count',
      [line({ tax: 15 }), line({ itemPrice: 999, isEnabled: false, tax: 15 })],
      [],
      'exclusive',
      115,
    ],
    [
      'deal percentage discount on one-time lines only, before tax',
      [line({ tax: 10 }), line({ isOneTime: false, tax: 10 })],
      [{ type: 'percentage', amount: 10 }],
      'exclusive',
      209,
    ],
    [
      'deal amount shared in proportion to current nets',
      [
        line({ itemPrice: 300 }),
        line({ itemPrice: 100 }),
        line({ itemPrice: 50, isOneTime: false }),
      ],
      [{ type: 'amount', amount: 40 }],
      'none',
      410,
    ],
    [
      'deal discounts in listed order: 10 % then 200 ((4050 + 2610 − 200 + 745) × 1.15)',
      [
        line({ itemPrice: 4500, tax: 15 }),
        line({ itemPrice: 1450, quantity: 2, tax: 15 }),
        line({ itemPrice: 149, quantity: 5, tax: 15, isOneTime: false }),
      ],
      [
        { type: 'percentage', amount: 10 },
        { type: 'amount', amount: 200 },
      ],
      'exclusive',
      8285.75,
    ],
    [
      'exact sum rounded once, not per line: 3 × 0.333… at 15 %',
      [
        line({ itemPrice: 0.3333, tax: 15 }),
        line({ itemPrice: 0.3333, tax: 15 }),
        line({ itemPrice: 0.3333, tax: 15 }),
      ],
      [],
      'exclusive',
      1.15,
    ],
  ];
  for (const [name, lines, discounts, method, expected] of cases) {
    it(name, () => assert.equal(dealValue(lines, discounts, method, 2), expected));
  }
});
