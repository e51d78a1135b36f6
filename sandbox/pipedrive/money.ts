import { Decimal } from 'decimal.js';

/**
 * Deal-product `sum` and deal `value`, computed exactly by "Our stance where Pipedrive is silent"
 * (docs/vendors/money.md, rules 1–5). Pure: no store, no clock.
 */

export type TaxMethod = 'exclusive' | 'inclusive' | 'none';
export type DiscountType = 'percentage' | 'amount';

export interface MoneyLine {
  itemPrice: number;
  quantity: number;
  discount: number;
  discountType: DiscountType;
  /** Tax percentage of this line. */
  tax: number;
  isEnabled: boolean;
  /** Deal-level discounts only reach one-time lines (docs/vendors/money.md A2). */
  isOneTime: boolean;
}

export interface DealDiscount {
  type: DiscountType;
  amount: number;
}

/** Line net before deal discounts: price × quantity, less the line's discount (stance 2). */
export function lineNet(line: MoneyLine): Decimal {
  const gross = new Decimal(line.itemPrice).times(line.quantity);
  if (line.discountType === 'percentage') {
    return gross.times(new Decimal(100).minus(line.discount)).dividedBy(100);
  }
  // An amount discount is taken once for the whole line, not per unit (stance 2).
  return gross.minus(line.discount);
}

/**
 * A line's `sum` as the API shows it: its own net (discount applied, no deal-level discount, no
 * tax added), rounded to the currency's decimals half away from zero. Pipedrive's examples
 * (22 × 5 less 0.2 % → 109.78; 30.23 × 2 → 60.46) are consistent with this (docs/vendors/money.md A1).
 */
export function lineSum(line: MoneyLine, decimals: number): number {
  return roundHalfAway(lineNet(line), decimals);
}

/** Nets of the enabled lines after the deal-level discounts, in their listed order (stance 3). */
export function discountedNets(lines: MoneyLine[], discounts: DealDiscount[]): Decimal[] {
  const nets = lines.map((line) => (line.isEnabled ? lineNet(line) : new Decimal(0)));
  for (const discount of discounts) {
    const oneTime = lines
      .map((line, index) => ({ line, index }))
      .filter(({ line }) => line.isEnabled && line.isOneTime);
    if (discount.type === 'percentage') {
      const factor = new Decimal(100).minus(discount.amount).dividedBy(100);
      for (const { index } of oneTime) nets[index] = nets[index]!.times(factor);
      continue;
    }
    // An amount is shared across the one-time lines in proportion to their current nets.
    const base = oneTime.reduce((total, { index }) => total.plus(nets[index]!), new Decimal(0));
    if (base.isZero()) continue;
    for (const { index } of oneTime) {
      const share = nets[index]!.dividedBy(base).times(discount.amount);
      nets[index] = nets[index]!.minus(share);
    }
  }
  return nets;
}

/**
 * The deal's product total (stance 4–5): enabled lines, deal discounts applied, exclusive tax
 * added on top, then the exact sum rounded once to the currency's decimals.
 */
export function dealValue(
  lines: MoneyLine[],
  discounts: DealDiscount[],
  taxMethod: TaxMethod,
  decimals: number,
): number {
  const nets = discountedNets(lines, discounts);
  let total = new Decimal(0);
  lines.forEach((line, index) => {
    if (!line.isEnabled) return;
    const net = nets[index]!;
    total = total.plus(net);
    if (taxMethod === 'exclusive') total = total.plus(net.times(line.tax).dividedBy(100));
  });
  return roundHalfAway(total, decimals);
}

export function roundHalfAway(amount: Decimal, decimals: number): number {
  return amount.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).toNumber();
}
