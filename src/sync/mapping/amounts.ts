import { Decimal } from 'decimal.js';

import type { DealProductInput } from './types.js';

/**
 * Decimal building blocks shared by both sides of the money rules (docs/money.md). Amounts are
 * decimal.js values, never binary floats; rounding is half away from zero.
 */

/** What the money rules read of a deal product. */
export type MoneyLine = Pick<
  DealProductInput,
  | 'item_price'
  | 'quantity'
  | 'discount'
  | 'discount_type'
  | 'tax'
  | 'is_enabled'
  | 'billing_frequency'
>;

/**
 * 40 significant digits: products and sums of our amounts are exact, and the pro-rata shares of a
 * deal discount (a division) stay far below a cent's rounding boundary.
 */
const Exact = Decimal.clone({ precision: 40 });

export const ZERO: Decimal = new Exact(0);

/** Exact decimal of a JSON number (its shortest round-trip text, never the binary expansion). */
export function dec(value: number | string | Decimal): Decimal {
  return new Exact(value);
}

/** Half away from zero (docs/vendors/money.md B1: 2.165 → 2.17, 19.125 → 19.13; negatives by magnitude). */
export function roundMoney(amount: Decimal, decimals = 2): Decimal {
  return amount.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
}

export function isOneTime(line: Pick<MoneyLine, 'billing_frequency'>): boolean {
  return line.billing_frequency === 'one-time';
}

/** Stance 2: price × quantity, less the percentage, or less the amount once for the whole line. */
export function lineNet(line: MoneyLine): Decimal {
  const gross = dec(line.item_price).times(dec(line.quantity));
  if (line.discount_type === 'percentage') {
    return gross.times(dec(100).minus(dec(line.discount))).dividedBy(100);
  }
  return gross.minus(dec(line.discount));
}
