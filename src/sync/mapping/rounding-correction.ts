import type { Decimal } from 'decimal.js';

import type { LineAmountMode } from '../document-kinds.js';
import { dec, roundMoney, ZERO } from './amounts.js';
import { refuse, type Refused } from './refusal.js';
import type { XeroLineItem } from './types.js';
import { xeroExpectedTotals, type XeroTotals } from './xero-totals.js';

/**
 * When Xero's per-line rounding lands away from the deal's product total, correct it the way Xero
 * recommends (docs/vendors/money.md B5, COMM-66891): override one line's TaxAmount, or add a line on the
 * organisation's ROUNDING system account. Which one:
 * - the drift is only in tax (Xero's subtotal equals the exact subtotal) and the document is tax
 *   exclusive → TaxAmount override on the largest taxed line: every line keeps its true quantity,
 *   price and amount; only the tax moves to what invoice-level rounding gives;
 * - otherwise → a "Rounding" line with the no-tax TaxType, so no tax is invented;
 * - a drift larger than per-line rounding can explain, or no way to apply either → refusal.
 */

export interface Correction {
  kind: 'rounding_line' | 'tax_override';
  amount: Decimal;
  explanation: string;
}

export interface CorrectionInput {
  lines: XeroLineItem[];
  mode: LineAmountMode;
  unitdp: 2 | 4;
  ratePercent: (taxType: string) => number;
  /** The deal's product total (pipedriveDealTotal). */
  target: Decimal;
  /** The exact subtotal rounded once; for exclusive documents, tells tax drift from line drift. */
  targetSubTotal: Decimal;
  roundingAccountCode: string | undefined;
  noTaxType: string;
  currency: string;
}

export type CorrectionResult =
  { ok: true; lines: XeroLineItem[]; totals: XeroTotals; correction?: Correction } | Refused;

export function correctTotal(input: CorrectionInput): CorrectionResult {
  const totals = xeroExpectedTotals(input.lines, input.mode, input.unitdp, input.ratePercent);
  const difference = input.target.minus(totals.total);
  if (difference.isZero()) return { ok: true, lines: input.lines, totals };
  if (difference.abs().greaterThan(roundingBound(input.lines)))
    return mismatch(input, totals, 'is larger than rounding can explain');

  const taxOnly = input.mode === 'Exclusive' && totals.subTotal.equals(input.targetSubTotal);
  const override = input.mode === 'Exclusive' ? taxOverride(input.lines, totals, difference) : null;
  if (override && (taxOnly || input.roundingAccountCode === undefined)) {
    return finish(input, override, {
      kind: 'tax_override',
      amount: difference,
      explanation: `Xero rounds tax line by line; the tax on "${override[overrideIndex(override)]!.Description.split('\n')[0]}" was set ${sign(difference)}${difference.abs().toFixed(2)} ${input.currency} so the total matches the deal.`,
    });
  }
  if (input.roundingAccountCode === undefined)
    return mismatch(input, totals, 'and Xero has no Rounding account');
  const roundingLine: XeroLineItem = {
    Description: 'Rounding',
    Quantity: 1,
    UnitAmount: difference.toNumber(),
    AccountCode: input.roundingAccountCode,
    TaxType: input.noTaxType,
  };
  return finish(input, [...input.lines, roundingLine], {
    kind: 'rounding_line',
    amount: difference,
    explanation: `Xero rounds each line to the cent; a Rounding line of ${sign(difference)}${difference.abs().toFixed(2)} ${input.currency} makes the total equal the deal's.`,
  });
}

function finish(
  input: CorrectionInput,
  lines: XeroLineItem[],
  correction: Correction,
): CorrectionResult {
  const totals = xeroExpectedTotals(lines, input.mode, input.unitdp, input.ratePercent);
  if (!totals.total.equals(input.target)) return mismatch(input, totals, 'even after correction');
  return { ok: true, lines, totals, correction };
}

/** Xero's rule: an overridden TaxAmount keeps the line's sign and is not greater than the line (DEXT). */
function taxOverride(
  lines: XeroLineItem[],
  totals: XeroTotals,
  difference: Decimal,
): XeroLineItem[] | null {
  let best = -1;
  totals.lines.forEach((line, index) => {
    if (line.taxAmount.isZero() || line.lineAmount.lessThanOrEqualTo(0)) return;
    const tax = line.taxAmount.plus(difference);
    if (tax.lessThan(0) || tax.greaterThan(line.lineAmount)) return;
    if (best < 0 || line.lineAmount.greaterThan(totals.lines[best]!.lineAmount)) best = index;
  });
  if (best < 0) return null;
  return lines.map((line, index) =>
    index === best
      ? { ...line, TaxAmount: totals.lines[best]!.taxAmount.plus(difference).toNumber() }
      : line,
  );
}

function overrideIndex(lines: XeroLineItem[]): number {
  return lines.findIndex((line) => line.TaxAmount !== undefined);
}

/**
 * The most per-line rounding can move a total: half a cent on each line amount and each tax amount,
 * plus the unit rounding (half of 0.0001) times the quantity. Anything beyond is not rounding.
 */
function roundingBound(lines: readonly XeroLineItem[]): Decimal {
  return lines.reduce(
    (bound, line) => bound.plus(dec('0.01')).plus(dec(line.Quantity).abs().times(dec('0.0001'))),
    ZERO,
  );
}

function mismatch(input: CorrectionInput, totals: XeroTotals, why: string): Refused {
  const xeroTotal = roundMoney(totals.total).toFixed(2);
  const dealTotal = input.target.toFixed(2);
  return refuse(
    'total_mismatch',
    `Xero would total ${xeroTotal}, the deal ${dealTotal}; the difference ${why}`,
    {
      dealTotal,
      xeroTotal,
      currency: input.currency,
    },
  );
}

function sign(amount: Decimal): string {
  return amount.isNegative() ? '−' : '+';
}
