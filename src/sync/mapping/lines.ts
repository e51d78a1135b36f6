import { dec, isOneTime, type MoneyLine, roundMoney } from './amounts.js';
import { refuse, type Refused } from './refusal.js';
import { taxTypeForRate } from './tax.js';
import type { DealProductInput, OrgItem, OrgTaxRate, TaxMethod, XeroLineItem } from './types.js';

/**
 * Deal products → Xero line items (docs/vendors/xero.md §10 LineItem). Each enabled product becomes one line
 * built from item_price, quantity, discount and tax — never from Pipedrive's `sum` (docs/vendors/money.md A3).
 */

export interface LineSettings {
  defaultAccountCode: string;
  taxMappings: readonly { ratePercent: number; taxType: string }[];
  defaultTaxType: string | null;
  noTaxType: string;
  trackings: readonly { categoryName: string; optionName: string }[];
  recurringBilling: 'first_period' | 'all_cycles';
  productNotFound: 'no_action' | 'default_item' | 'create_item';
  defaultItemCode: string | null;
}

export interface ProductLine {
  line: XeroLineItem;
  /** What the line stands for in the Pipedrive total (quantity × cycles under all_cycles). */
  money: MoneyLine;
  oneTime: boolean;
}

export type ProductLinesResult = { ok: true; lines: ProductLine[]; notes: string[] } | Refused;

export function buildProductLines(
  products: readonly DealProductInput[],
  taxMethod: TaxMethod,
  items: ReadonlyMap<number, OrgItem | null>,
  settings: LineSettings,
  taxRates: readonly OrgTaxRate[],
): ProductLinesResult {
  const lines: ProductLine[] = [];
  const notes: string[] = [];
  const missing: string[] = [];
  for (const product of products) {
    if (!product.is_enabled) continue; // stance 1
    const invalid = checkProduct(product);
    if (invalid) return invalid;
    const money = invoicedMoney(product, settings.recurringBilling);
    if (!money) {
      return refuse(
        'recurring_cycles_unknown',
        `"${product.name}" repeats ${product.billing_frequency} without an end, so all cycles cannot be invoiced`,
        { product: product.name },
      );
    }
    const tax =
      taxMethod === 'none'
        ? taxTypeForRate(0, settings, taxRates)
        : taxTypeForRate(product.tax, settings, taxRates);
    if (!tax.ok) return tax;
    const item = items.get(product.product_id) ?? null;
    if (item === null && settings.productNotFound !== 'default_item') missing.push(product.name);
    const itemCode = item?.Code ?? settings.defaultItemCode ?? undefined;
    const discount = discountFields(money, notes, product.name);
    lines.push({
      money,
      oneTime: isOneTime(product),
      line: {
        Description: describe(product),
        Quantity: money.quantity,
        UnitAmount: money.item_price,
        AccountCode: item?.SalesDetails?.AccountCode ?? settings.defaultAccountCode,
        TaxType: tax.taxType,
        ...(itemCode !== undefined && { ItemCode: itemCode }),
        ...discount,
        ...trackingOf(settings),
      },
    });
  }
  if (missing.length > 0) {
    return refuse('item_not_found', `No Xero item for ${missing.map((m) => `"${m}"`).join(', ')}`, {
      products: missing,
    });
  }
  return { ok: true, lines, notes };
}

function checkProduct(product: DealProductInput): Refused | null {
  const details = { product: product.name };
  if (product.item_price < 0) {
    return refuse('negative_price', `"${product.name}" has a negative price`, {
      ...details,
      price: product.item_price,
    });
  }
  if (!(product.quantity > 0)) {
    return refuse('invalid_quantity', `"${product.name}" has quantity ${product.quantity}`, {
      ...details,
      quantity: product.quantity,
    });
  }
  // docs/vendors/xero.md §10: "we accept 4dp for quantity" — more would be silently rounded by Xero.
  if (dec(product.quantity).decimalPlaces() > 4) {
    return refuse(
      'quantity_too_precise',
      `"${product.name}" has quantity ${product.quantity} (over 4 decimals)`,
      {
        ...details,
        quantity: product.quantity,
      },
    );
  }
  const gross = dec(product.item_price).times(dec(product.quantity));
  const limit = product.discount_type === 'percentage' ? dec(100) : gross;
  // docs/vendors/money.md B3: "Discount must not be greater than the line total."
  if (product.discount < 0 || dec(product.discount).greaterThan(limit)) {
    return refuse(
      'invalid_discount',
      `"${product.name}" has a discount of ${product.discount}${product.discount_type === 'percentage' ? ' %' : ''}`,
      {
        ...details,
        discount: product.discount,
      },
    );
  }
  return null;
}

/** The line as invoiced: under all_cycles a recurring line counts every cycle (docs/money.md). */
function invoicedMoney(
  product: DealProductInput,
  mode: LineSettings['recurringBilling'],
): MoneyLine | null {
  if (isOneTime(product) || mode === 'first_period') return product;
  const cycles = product.billing_frequency_cycles;
  if (cycles === null) return null;
  return {
    ...product,
    quantity: dec(product.quantity).times(cycles).toNumber(),
    discount:
      product.discount_type === 'amount'
        ? dec(product.discount).times(cycles).toNumber()
        : product.discount,
  };
}

/**
 * DiscountRate when the percentage fits Xero's 2 dp (B3), else the same discount as DiscountAmount,
 * rounded to the cent; an amount discount is taken once for the line (stance 2 = Xero's DiscountAmount).
 */
function discountFields(money: MoneyLine, notes: string[], name: string): Partial<XeroLineItem> {
  if (money.discount === 0) return {};
  const discount = dec(money.discount);
  if (money.discount_type === 'percentage') {
    if (discount.decimalPlaces() <= 2) return { DiscountRate: money.discount };
    const gross = dec(money.item_price).times(dec(money.quantity));
    notes.push(
      `"${name}": the ${money.discount} % discount is sent as an amount (Xero keeps 2 decimals of a rate).`,
    );
    return { DiscountAmount: roundMoney(gross.times(discount).dividedBy(100)).toNumber() };
  }
  return { DiscountAmount: roundMoney(discount).toNumber() };
}

function describe(product: DealProductInput): string {
  const parts = [product.name.trim() || `Product ${product.product_id}`];
  if (product.comments.trim() !== '') parts.push(product.comments.trim());
  if (!isOneTime(product)) {
    const cycles = product.billing_frequency_cycles;
    const span = cycles === null ? 'no end date' : `${cycles} cycles`;
    const from = product.billing_start_date ? ` from ${product.billing_start_date}` : '';
    parts.push(`(${product.billing_frequency}, ${span}${from})`);
  }
  return parts.join('\n').slice(0, 4000); // docs/vendors/xero.md §10: Description ≤ 4000
}

/** The configured tracking options (≤ 2, docs/vendors/xero.md §10), on every line we write. */
export function trackingOf(settings: Pick<LineSettings, 'trackings'>): Partial<XeroLineItem> {
  if (settings.trackings.length === 0) return {};
  return {
    Tracking: settings.trackings.map((t) => ({ Name: t.categoryName, Option: t.optionName })),
  };
}
