import { Decimal } from 'decimal.js';

import { dec, isOneTime, lineNet, type MoneyLine, roundMoney, ZERO } from './amounts.js';
import { trackingOf } from './lines.js';
import type { DealDiscountInput, XeroLineItem } from './types.js';

/**
 * Deal-level discounts (`/deals/{id}/discounts`) by stance 3 of docs/vendors/money.md: applied in their
 * listed order, before tax, to the enabled one-time lines only; a percentage takes that share of each
 * line's current net; an amount is shared in proportion to the current nets.
 *
 * Returns, per input line, the exact (unrounded) amount the deal discounts take from it; 0 for
 * disabled and recurring lines. Exact shares keep the deal total independent of how the invoice
 * later groups them into lines.
 */
export function dealDiscountShares(
  lines: readonly MoneyLine[],
  discounts: readonly Pick<DealDiscountInput, 'type' | 'amount'>[],
): Decimal[] {
  const original = lines.map((line) => (line.is_enabled && isOneTime(line) ? lineNet(line) : ZERO));
  const current = [...original];
  for (const discount of discounts) {
    if (discount.type === 'percentage') {
      const factor = dec(100).minus(dec(discount.amount)).dividedBy(100);
      for (let index = 0; index < current.length; index++)
        current[index] = current[index]!.times(factor);
      continue;
    }
    const base = current.reduce((sum, net) => sum.plus(net), ZERO);
    if (base.isZero()) continue;
    for (let index = 0; index < current.length; index++) {
      const net = current[index]!;
      current[index] = net.minus(net.dividedBy(base).times(dec(discount.amount)));
    }
  }
  return original.map((net, index) => net.minus(current[index]!));
}

export interface DiscountLineSettings {
  defaultAccountCode: string;
  trackings: readonly { categoryName: string; optionName: string }[];
}

/**
 * Deal-level discounts as negative lines on the default account (Xero has no document-level discount,
 * docs/vendors/money.md "Mapping consequences" 3). Each line carries the TaxType of the product lines it reduces —
 * one line per TaxType — so Xero takes the tax off exactly as stance 3 ("before tax") does.
 */
export function dealDiscountLines(
  productLines: readonly { line: XeroLineItem; money: MoneyLine }[],
  discounts: readonly DealDiscountInput[],
  settings: DiscountLineSettings,
): XeroLineItem[] {
  if (discounts.length === 0) return [];
  const shares = dealDiscountShares(
    productLines.map((p) => p.money),
    discounts,
  );
  const byTaxType = new Map<string, Decimal>();
  productLines.forEach(({ line }, index) => {
    const share = shares[index] ?? ZERO;
    if (share.isZero()) return;
    byTaxType.set(line.TaxType, (byTaxType.get(line.TaxType) ?? ZERO).plus(share));
  });
  const label = `Deal discount: ${discounts.map(describeDiscount).join(', ')}`;
  return [...byTaxType].flatMap(([taxType, amount]) => {
    const rounded = roundMoney(amount);
    if (rounded.isZero()) return [];
    const suffix = byTaxType.size > 1 ? ` (on lines taxed ${taxType})` : '';
    return [
      {
        Description: `${label}${suffix}`.slice(0, 4000),
        Quantity: 1,
        UnitAmount: rounded.negated().toNumber(),
        AccountCode: settings.defaultAccountCode,
        TaxType: taxType,
        ...trackingOf(settings),
      },
    ];
  });
}

function describeDiscount(discount: DealDiscountInput): string {
  const amount =
    discount.type === 'percentage' ? `${discount.amount} %` : dec(discount.amount).toFixed(2);
  return discount.description.trim() === '' ? amount : `${discount.description.trim()} ${amount}`;
}
