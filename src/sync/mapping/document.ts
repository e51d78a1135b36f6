import type { Decimal } from 'decimal.js';

import type { LineAmountMode } from '../document-kinds.js';
import type { Settings } from '../settings.js';
import { dec, lineNet, roundMoney, ZERO } from './amounts.js';
import { dealDiscountLines, dealDiscountShares } from './discounts.js';
import { documentHeader } from './header.js';
import { buildProductLines, type ProductLine } from './lines.js';
import { pipedriveDealTotal } from './money.js';
import { checkAccount, documentCurrency, roundingAccount } from './org-checks.js';
import { refuse, type Refused } from './refusal.js';
import { type Correction, correctTotal } from './rounding-correction.js';
import { checkTaxType } from './tax.js';
import type {
  DealDiscountInput,
  DealProductInput,
  DocumentInput,
  TaxMethod,
  XeroDocumentDraft,
  XeroLineItem,
} from './types.js';
import type { XeroTotals } from './xero-totals.js';

/**
 * A deal → a DRAFT Xero invoice or quote whose Total equals the deal's product total to the cent
 * (invariant 7), or a refusal that says why not. Pure: everything it needs comes in.
 */

export type BuiltDocument = {
  ok: true;
  document: XeroDocumentDraft;
  /** Invoices must be sent with `?unitdp=4`; quotes keep 4 dp natively (docs/vendors/money.md B4). */
  unitdp: 4;
  expected: XeroTotals;
  dealTotal: Decimal;
  correction?: Correction;
  notes: string[];
};

const modeOf: Record<TaxMethod, LineAmountMode> = {
  exclusive: 'Exclusive',
  inclusive: 'Inclusive',
  none: 'NoTax',
};

export function buildDocument(input: DocumentInput): BuiltDocument | Refused {
  const { settings, org } = input;
  const options = settings.documents;
  const currency = documentCurrency(input);
  if (typeof currency !== 'string') return currency;
  const accountCheck = checkAccount(options.defaultAccountCode, org.accounts);
  if (accountCheck) return accountCheck;
  const noTax = checkTaxType(options.noTaxType, 0, org.taxRates);
  if (!noTax.ok) return noTax;

  const enabled = input.dealProducts.filter((product) => product.is_enabled);
  const taxMethod = effectiveTaxMethod(options.lineAmountType, enabled);
  const built = enabled.length === 0 ? valueLine(input) : productLines(input, taxMethod);
  if (!built.ok) return built;
  for (const line of built.lines) {
    const refusal = checkAccount(line.AccountCode, org.accounts);
    if (refusal) return refusal;
  }

  const target = built.target;
  if (target.isNegative()) {
    return refuse(
      'negative_total',
      `The deal's total is ${target.toFixed(2)} ${currency}; Xero documents cannot be negative`,
      {
        dealTotal: target.toFixed(2),
      },
    );
  }
  const ratePercent = (taxType: string) =>
    org.taxRates.find((rate) => rate.TaxType === taxType)?.rate ?? 0;
  const corrected = correctTotal({
    lines: built.lines,
    mode: built.mode,
    unitdp: 4,
    ratePercent,
    target,
    targetSubTotal: built.targetSubTotal,
    roundingAccountCode: roundingAccount(org),
    noTaxType: options.noTaxType,
    currency,
  });
  if (!corrected.ok) return corrected;

  const notes = [...built.notes];
  if (corrected.correction) notes.push(corrected.correction.explanation);
  return {
    ok: true,
    document: documentHeader(input, currency, built.mode, corrected.lines),
    unitdp: 4,
    expected: corrected.totals,
    dealTotal: target,
    ...(corrected.correction && { correction: corrected.correction }),
    notes,
  };
}

interface BuiltLines {
  ok: true;
  lines: XeroLineItem[];
  mode: LineAmountMode;
  target: Decimal;
  targetSubTotal: Decimal;
  notes: string[];
}

function productLines(input: DocumentInput, taxMethod: TaxMethod): BuiltLines | Refused {
  const { settings } = input;
  const lineSettings = { ...settings.documents, ...settings.items };
  const products = buildProductLines(
    input.dealProducts,
    taxMethod,
    input.items,
    lineSettings,
    input.org.taxRates,
  );
  if (!products.ok) return products;
  const discountLines = dealDiscountLines(products.lines, input.dealDiscounts, settings.documents);
  const money = products.lines.map((p) => p.money);
  return {
    ok: true,
    lines: [...products.lines.map((p) => p.line), ...discountLines],
    mode: modeOf[taxMethod],
    target: pipedriveDealTotal(money, input.dealDiscounts, taxMethod),
    targetSubTotal: exactSubTotal(products.lines, input.dealDiscounts, taxMethod),
    notes: products.notes,
  };
}

/** Σ nets after deal discounts, rounded once: the subtotal invoice-level rounding would give. */
function exactSubTotal(
  lines: readonly ProductLine[],
  discounts: readonly DealDiscountInput[],
  taxMethod: TaxMethod,
): Decimal {
  if (taxMethod !== 'exclusive') return ZERO;
  const money = lines.map((p) => p.money);
  const shares = dealDiscountShares(money, discounts);
  return roundMoney(
    money.reduce((sum, line, index) => sum.plus(lineNet(line)).minus(shares[index] ?? ZERO), ZERO),
  );
}

/**
 * A deal without (enabled) products: one line from the deal's title and value on the default item and
 * account. The value is what the customer pays, so it goes as a no-tax line.
 */
function valueLine(input: DocumentInput): BuiltLines | Refused {
  const { deal, settings } = input;
  if (input.dealProducts.length > 0) {
    return refuse('deal_has_no_products', `Deal ${deal.id} has products, but none is enabled`, {
      dealId: deal.id,
    });
  }
  if (!(deal.value > 0)) {
    return refuse('deal_has_no_products', `Deal ${deal.id} has no products and no value`, {
      dealId: deal.id,
    });
  }
  const target = roundMoney(dec(deal.value));
  const itemCode = settings.items.defaultItemCode;
  return {
    ok: true,
    lines: [
      {
        Description: deal.title.trim() || `Deal ${deal.id}`,
        Quantity: 1,
        UnitAmount: deal.value,
        AccountCode: settings.documents.defaultAccountCode,
        TaxType: settings.documents.noTaxType,
        ...(itemCode !== null && { ItemCode: itemCode }),
      },
    ],
    mode: 'NoTax',
    target,
    targetSubTotal: target,
    notes: ['The deal has no products; the document has one line for the deal value, without tax.'],
  };
}

/** Pipedrive's tax_method is deal-wide (docs/vendors/money.md A1); the setting may override it. */
function effectiveTaxMethod(
  setting: Settings['documents']['lineAmountType'],
  enabled: readonly DealProductInput[],
): TaxMethod {
  if (setting !== 'deal') return setting;
  return enabled[0]?.tax_method ?? 'none';
}
