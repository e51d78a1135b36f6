import type { Decimal } from 'decimal.js';

import type { DocumentKind, LineAmountTypesOf } from '../document-kinds.js';
import { dec, roundMoney, ZERO } from './amounts.js';
import type { XeroLineItem } from './types.js';

/**
 * What Xero will compute for a document, written from docs/vendors/money.md B1–B4 (not from the
 * sandbox, which is the independent oracle): per line, UnitAmount rounded to `unitdp`, LineAmount
 * rounded to 2 dp after the discount, tax per line rounded to 2 dp, then sums. Half away from zero.
 */

export interface XeroLineTotals {
  lineAmount: Decimal;
  taxAmount: Decimal;
}

export interface XeroTotals {
  lines: XeroLineTotals[];
  subTotal: Decimal;
  totalTax: Decimal;
  total: Decimal;
  totalDiscount: Decimal;
}

type TotalsLine = Pick<
  XeroLineItem,
  'Quantity' | 'UnitAmount' | 'DiscountRate' | 'DiscountAmount' | 'TaxAmount' | 'TaxType'
>;

/** The line amount Xero derives from a line (docs/vendors/money.md B2 steps 1–2, B3). */
export function xeroLineAmount(line: TotalsLine, unitdp: 2 | 4): Decimal {
  const gross = roundMoney(dec(line.Quantity), 4).times(roundMoney(dec(line.UnitAmount), unitdp));
  if (line.DiscountRate !== undefined) {
    // B3: "Xero rounds the DiscountRate to the nearest hundredth".
    const rate = roundMoney(dec(line.DiscountRate), 2);
    return roundMoney(gross.times(dec(100).minus(rate)).dividedBy(100));
  }
  if (line.DiscountAmount !== undefined) return roundMoney(gross.minus(dec(line.DiscountAmount)));
  return roundMoney(gross);
}

/**
 * @param ratePercent the effective rate of a TaxType in the organisation (e.g. OUTPUT2 → 15).
 */
export function xeroExpectedTotals(
  lines: readonly TotalsLine[],
  lineAmountTypes: LineAmountTypesOf<DocumentKind>,
  unitdp: 2 | 4,
  ratePercent: (taxType: string) => number,
): XeroTotals {
  // Either kind's spelling (document-kinds.ts), compared in upper case.
  const mode = lineAmountTypes.toUpperCase();
  const computed = lines.map((line): XeroLineTotals => {
    const lineAmount = xeroLineAmount(line, unitdp);
    const rate = dec(ratePercent(line.TaxType));
    // B5: a sent TaxAmount overrides Xero's own calculation.
    if (line.TaxAmount !== undefined && mode !== 'NOTAX') {
      return { lineAmount, taxAmount: roundMoney(dec(line.TaxAmount)) };
    }
    if (mode === 'EXCLUSIVE') {
      return { lineAmount, taxAmount: roundMoney(lineAmount.times(rate).dividedBy(100)) };
    }
    if (mode === 'INCLUSIVE') {
      return {
        lineAmount,
        taxAmount: roundMoney(lineAmount.times(rate).dividedBy(rate.plus(100))),
      };
    }
    return { lineAmount, taxAmount: ZERO };
  });
  const sumLines = computed.reduce((sum, line) => sum.plus(line.lineAmount), ZERO);
  const totalTax = computed.reduce((sum, line) => sum.plus(line.taxAmount), ZERO);
  // B2: inclusive line amounts already hold the tax, so Total = Σ LineAmount.
  const total = mode === 'INCLUSIVE' ? sumLines : sumLines.plus(totalTax);
  const subTotal = mode === 'INCLUSIVE' ? sumLines.minus(totalTax) : sumLines;
  const totalDiscount = lines.reduce(
    (sum, line, index) =>
      sum.plus(
        roundMoney(dec(line.Quantity), 4)
          .times(roundMoney(dec(line.UnitAmount), unitdp))
          .minus(computed[index]!.lineAmount),
      ),
    ZERO,
  );
  return { lines: computed, subTotal, totalTax, total, totalDiscount: roundMoney(totalDiscount) };
}
