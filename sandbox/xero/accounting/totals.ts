import { Decimal } from 'decimal.js';

/**
 * Xero's document arithmetic (docs/vendors/money.md B1–B4, docs/vendors/xero.md §10): decimal maths, half away from zero,
 * every line rounded to 2 dp before tax, tax per line, totals summed from rounded lines.
 * Pure: no Fastify, no state.
 */

export type TaxMode = 'Exclusive' | 'Inclusive' | 'NoTax';

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Amount = InstanceType<typeof D>;

/** Half away from zero on the magnitude (docs/vendors/money.md B1: 2.165 → 2.17, 19.125 → 19.13). */
export function round(value: Decimal.Value, dp: number): Amount {
  return new D(value).toDecimalPlaces(dp, Decimal.ROUND_HALF_UP);
}

export interface LineInput {
  quantity?: number | undefined;
  unitAmount?: number | undefined;
  discountRate?: number | undefined;
  discountAmount?: number | undefined;
  /** Percent, e.g. 15 for NZ GST. */
  taxRate: number;
  /** A caller-supplied TaxAmount overrides the computed one (docs/vendors/xero.md §10). */
  taxAmount?: number | undefined;
  /** A caller-supplied LineAmount must agree with the computed one (docs/vendors/money.md B5). */
  lineAmount?: number | undefined;
}

export interface LineTotals {
  quantity: Amount;
  unitAmount: Amount;
  lineAmount: Amount;
  taxAmount: Amount;
  /** Gross (qty × unit, 2 dp) less LineAmount; summed into TotalDiscount. */
  discount: Amount;
}

export type LineOutcome = { ok: true; line: LineTotals } | { ok: false; message: string };

const fmt2 = (value: Decimal.Value) => round(value, 2).toFixed(2);

export function computeLine(input: LineInput, mode: TaxMode, unitDp: 2 | 4): LineOutcome {
  const quantity = round(input.quantity ?? 1, 4);
  // Xero derives the unit amount when only a LineAmount is sent (docs/vendors/xero.md §10).
  const derivedUnit =
    input.unitAmount === undefined && input.lineAmount !== undefined && !quantity.isZero()
      ? new D(input.lineAmount).div(quantity)
      : undefined;
  const unitAmount = round(input.unitAmount ?? derivedUnit ?? 0, unitDp);
  const gross = quantity.mul(unitAmount);
  let exact = gross;
  if (input.discountRate !== undefined) {
    const rate = round(input.discountRate, 2);
    if (rate.gt(100) || rate.lt(0)) return discountTooBig(rate.toFixed(2));
    exact = gross.mul(new D(100).minus(rate)).div(100);
  } else if (input.discountAmount !== undefined) {
    if (new D(input.discountAmount).abs().gt(gross.abs())) {
      return discountTooBig(fmt2(input.discountAmount));
    }
    exact = gross.minus(input.discountAmount);
  }
  const lineAmount = round(exact, 2);
  if (input.lineAmount !== undefined && derivedUnit === undefined) {
    if (!round(input.lineAmount, 2).eq(lineAmount)) {
      return {
        ok: false,
        message: `The line total ${fmt2(input.lineAmount)} does not match the expected line total ${lineAmount.toFixed(2)}`,
      };
    }
  }
  const taxAmount = lineTax(lineAmount, input, mode);
  if (taxAmount.abs().gt(lineAmount.abs())) {
    return { ok: false, message: 'The tax amount cannot be greater than the line amount!' };
  }
  return {
    ok: true,
    line: {
      quantity,
      unitAmount,
      lineAmount,
      taxAmount,
      discount: round(gross, 2).minus(lineAmount),
    },
  };
}

function lineTax(lineAmount: Amount, input: LineInput, mode: TaxMode): Amount {
  if (mode === 'NoTax') return new D(0);
  if (input.taxAmount !== undefined) return round(input.taxAmount, 2);
  const rate = new D(input.taxRate).div(100);
  // Inclusive: the line already holds the tax; tax first, rounded per line (docs/vendors/money.md B2).
  return mode === 'Inclusive'
    ? round(lineAmount.mul(rate).div(rate.plus(1)), 2)
    : round(lineAmount.mul(rate), 2);
}

function discountTooBig(shown: string): LineOutcome {
  // XPHP-288 wording (docs/vendors/money.md B3); Xero names the "rate" even for amount discounts' checks.
  return {
    ok: false,
    message: `The discount rate '${shown}' is invalid. Discount must not be greater than the line total.`,
  };
}

export interface DocumentTotals {
  subTotal: Amount;
  totalTax: Amount;
  total: Amount;
  totalDiscount: Amount;
}

export function sumDocument(lines: readonly LineTotals[], mode: TaxMode): DocumentTotals {
  const zero = new D(0);
  const lineSum = lines.reduce((sum, line) => sum.plus(line.lineAmount), zero);
  const totalTax = lines.reduce((sum, line) => sum.plus(line.taxAmount), zero);
  const totalDiscount = lines.reduce((sum, line) => sum.plus(line.discount), zero);
  // Inclusive: Total is the sum of the lines and SubTotal excludes the tax (docs/vendors/money.md B2).
  return mode === 'Inclusive'
    ? { subTotal: lineSum.minus(totalTax), totalTax, total: lineSum, totalDiscount }
    : { subTotal: lineSum, totalTax, total: lineSum.plus(totalTax), totalDiscount };
}
