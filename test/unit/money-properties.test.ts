import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import fc from 'fast-check';

import { dealValue } from '../../sandbox/pipedrive/money.js';
import { dec } from '../../src/sync/mapping/amounts.js';
import { buildDocument } from '../../src/sync/mapping/document.js';
import { pipedriveDealTotal } from '../../src/sync/mapping/money.js';
import type {
  DealDiscountInput,
  DealProductInput,
  TaxMethod,
} from '../../src/sync/mapping/types.js';
import { xeroExpectedTotals } from '../../src/sync/mapping/xero-totals.js';
import { demoOrg, documentInput, product } from './mapping-fixtures.js';

/**
 * docs/architecture.md invariant 7: for random deals, the draft Xero computes (by docs/vendors/money.md B1–B4) totals exactly
 * the deal's product total — or the mapping refuses with total_mismatch. Never silently wrong.
 */

const cents = (min: number, max: number) => fc.integer({ min, max }).map((n) => n / 100);
const quantity = fc.oneof(
  fc.integer({ min: 1, max: 100 }),
  fc.integer({ min: 1, max: 1_000_000 }).map((n) => n / 10_000),
);

const lineArb = fc
  .record({
    item_price: cents(1, 9_999_999),
    quantity,
    tax: fc.constantFrom(0, 9, 15),
    discountKind: fc.constantFrom('none', 'percentage', 'amount'),
    percentage: cents(0, 10_000),
    amountShare: fc.double({ min: 0, max: 1, noNaN: true }),
    is_enabled: fc.boolean(),
    recurring: fc.boolean(),
  })
  .map((raw): Omit<DealProductInput, 'id' | 'product_id' | 'tax_method'> => {
    const gross = dec(raw.item_price).times(raw.quantity);
    const amount = gross.times(raw.amountShare).toDecimalPlaces(2, 1).toNumber(); // round down: ≤ gross
    return {
      name: 'Line',
      item_price: raw.item_price,
      quantity: raw.quantity,
      tax: raw.tax,
      discount:
        raw.discountKind === 'none'
          ? 0
          : raw.discountKind === 'percentage'
            ? raw.percentage
            : amount,
      discount_type: raw.discountKind === 'amount' ? 'amount' : 'percentage',
      is_enabled: raw.is_enabled,
      comments: '',
      billing_frequency: raw.recurring ? 'monthly' : 'one-time',
      billing_frequency_cycles: raw.recurring ? 12 : null,
      billing_start_date: null,
    };
  });

const dealArb = fc.record({
  lines: fc.array(lineArb, { minLength: 1, maxLength: 8 }),
  method: fc.constantFrom<TaxMethod>('exclusive', 'inclusive', 'none'),
  discounts: fc.array(
    fc.record({
      type: fc.constantFrom('percentage', 'amount'),
      percent: cents(1, 5_000),
      share: fc.double({ min: 0, max: 0.5, noNaN: true }),
    }),
    { maxLength: 2 },
  ),
});

function toInput(
  generated: fc.Arbitrary<typeof dealArb> extends never
    ? never
    : Parameters<Parameters<typeof dealArb.map>[0]>[0],
) {
  const dealProducts = generated.lines.map((line, index) =>
    product({
      ...line,
      id: index + 1,
      product_id: 100 + index,
      tax_method: generated.method,
      is_enabled: index === 0 || line.is_enabled,
    }),
  );
  // An amount discount stays below what the one-time lines are worth, so the total stays positive.
  const oneTimeGross = dealProducts
    .filter((p) => p.is_enabled && p.billing_frequency === 'one-time')
    .reduce((sum, p) => sum.plus(dec(p.item_price).times(p.quantity)), dec(0));
  const dealDiscounts: DealDiscountInput[] = generated.discounts
    .map((d, index) => ({
      id: `d${index}`,
      description: '',
      type: d.type,
      amount:
        d.type === 'percentage'
          ? d.percent
          : oneTimeGross.times(d.share).times('0.2').toDecimalPlaces(2, 1).toNumber(),
    }))
    .filter((d) => d.amount > 0);
  return documentInput({ dealProducts, dealDiscounts });
}

const rateOf = (taxType: string) =>
  demoOrg().taxRates.find((rate) => rate.TaxType === taxType)?.rate ?? 0;

describe('money properties (fast-check)', () => {
  it("Xero's computed total of the draft equals the deal total, or the run refuses with total_mismatch", () => {
    let refused = 0;
    let corrected = 0;
    fc.assert(
      fc.property(dealArb, (generated) => {
        const input = toInput(generated);
        const target = pipedriveDealTotal(
          input.dealProducts,
          input.dealDiscounts,
          generated.method,
          2,
        );
        const result = buildDocument(input);
        if (!result.ok) {
          // A deal discount can eat a line whose own discount left it at a fraction of a cent.
          const expected = target.lte(0) ? 'negative_total' : 'total_mismatch';
          assert.equal(result.refusal.code, expected, result.refusal.message);
          refused++;
          return;
        }
        if (result.correction) corrected++;
        const document = result.document;
        const totals = xeroExpectedTotals(document.LineItems, document.LineAmountTypes, 4, rateOf);
        assert.equal(totals.total.toFixed(2), target.toFixed(2));
        assert.equal(result.expected.total.toFixed(2), target.toFixed(2));
        totals.lines.forEach((line, index) => {
          const sent = document.LineItems[index]!;
          assert.ok(dec(sent.Quantity).decimalPlaces() <= 4, 'quantity ≤ 4 dp');
          assert.ok(dec(sent.UnitAmount).decimalPlaces() <= 4, 'unit amount ≤ 4 dp');
          if (sent.TaxAmount !== undefined)
            assert.ok(line.taxAmount.abs().lessThanOrEqualTo(line.lineAmount.abs()), 'tax ≤ line');
        });
      }),
      { numRuns: 300 },
    );
    assert.ok(refused <= 30, `refused ${refused} of 300 random deals`);
    assert.ok(corrected > 0, 'the corrections were exercised');
  });

  it("pipedriveDealTotal agrees with the Pipedrive sandbox's deal value (same stance, separate code)", () => {
    fc.assert(
      fc.property(dealArb, (generated) => {
        const input = toInput(generated);
        const ours = pipedriveDealTotal(
          input.dealProducts,
          input.dealDiscounts,
          generated.method,
          2,
        );
        const sandbox = dealValue(
          input.dealProducts.map((p) => ({
            itemPrice: p.item_price,
            quantity: p.quantity,
            discount: p.discount,
            discountType: p.discount_type,
            tax: p.tax,
            isEnabled: p.is_enabled,
            isOneTime: p.billing_frequency === 'one-time',
          })),
          input.dealDiscounts.map((d) => ({ type: d.type, amount: d.amount })),
          generated.method,
          2,
        );
        assert.equal(ours.toFixed(2), dec(sandbox).toFixed(2));
      }),
      { numRuns: 200 },
    );
  });
});
