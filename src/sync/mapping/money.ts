import type { Decimal } from 'decimal.js';

import { dec, isOneTime, lineNet, type MoneyLine, roundMoney, ZERO } from './amounts.js';
import { dealDiscountShares } from './discounts.js';
import type { DealDiscountInput, TaxMethod } from './types.js';

/**
 * The Pipedrive side of the money rules: a deal's product total by "Our stance where Pipedrive is
 * silent" (docs/vendors/money.md, rules 1–5; docs/money.md).
 */

/**
 * The deal's product total (stance 1–5): enabled lines only, each line's net less its share of the
 * deal-level discounts, exclusive tax added on top, the exact sum rounded once, half away from zero.
 */
export function pipedriveDealTotal(
  lines: readonly MoneyLine[],
  dealDiscounts: readonly Pick<DealDiscountInput, 'type' | 'amount'>[],
  taxMethod: TaxMethod,
  currencyDecimals = 2,
): Decimal {
  const shares = dealDiscountShares(lines, dealDiscounts);
  let total = ZERO;
  lines.forEach((line, index) => {
    if (!line.is_enabled) return;
    const net = lineNet(line).minus(shares[index] ?? ZERO);
    total = total.plus(net);
    // Stance 4: only exclusive adds tax; inclusive nets already hold it, none has none.
    if (taxMethod === 'exclusive') total = total.plus(net.times(dec(line.tax)).dividedBy(100));
  });
  return roundMoney(total, currencyDecimals);
}

/**
 * Whether the deal may carry deal-level discounts, judged without asking: "Adds a discount to a
 * deal, changing the deal value if the deal has one-time products attached" (Pipedrive's API
 * reference, POST /api/v2/deals/{id}/discounts; docs/vendors/pipedrive.md §3.4). So a deal whose
 * enabled lines are all one-time and whose value is exactly their total without any deal discount
 * has none, and its discounts need not be read (10 tokens). Any doubt answers "may": no enabled
 * line, a recurring one, or a value that differs (also when our stance and Pipedrive's sum differ).
 */
export function mayHaveDealDiscounts(
  dealValue: number,
  lines: readonly (MoneyLine & { tax_method: TaxMethod })[],
): boolean {
  const enabled = lines.filter((line) => line.is_enabled);
  if (enabled.length === 0 || !enabled.every(isOneTime)) return true;
  const total = pipedriveDealTotal(enabled, [], enabled[0]!.tax_method);
  return !total.equals(dec(dealValue));
}
