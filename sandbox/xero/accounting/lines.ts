import { randomUUID } from 'node:crypto';

import { findItemByCode } from './items.js';
import type { Books, LineRecord } from './model.js';
import { computeLine, type TaxMode } from './totals.js';
import {
  accountProblem,
  asObject,
  optionalNumber,
  optionalString,
  taxTypeProblem,
} from './validate.js';

/**
 * Turns request LineItems into priced lines (docs/vendors/xero.md §10, docs/vendors/money.md B2–B3): item defaults, account
 * and tax checks, discount rules, per-line rounding. Collects every message of every line.
 */
export interface LineContext {
  books: Books;
  /** ACCREC invoices and quotes are sales; ACCPAY bills use purchase details and expense taxes. */
  sales: boolean;
  mode: TaxMode;
  unitDp: 2 | 4;
}

export type LinesOutcome = { ok: true; lines: LineRecord[] } | { ok: false; errors: string[] };

export function priceLines(ctx: LineContext, raw: unknown): LinesOutcome {
  if (!Array.isArray(raw) || raw.length === 0) {
    return { ok: false, errors: ['One or more line items must be specified'] };
  }
  const errors: string[] = [];
  const lines: LineRecord[] = [];
  for (const entry of raw) {
    const outcome = priceLine(ctx, asObject(entry) ?? {});
    if ('errors' in outcome) errors.push(...outcome.errors);
    else lines.push(outcome);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, lines };
}

function priceLine(
  ctx: LineContext,
  input: Record<string, unknown>,
): LineRecord | { errors: string[] } {
  const { books } = ctx;
  const errors: string[] = [];
  const itemCode = optionalString(input, 'ItemCode');
  const item = itemCode ? findItemByCode(books, itemCode) : undefined;
  if (itemCode && !item) errors.push(`Item code '${itemCode}' is not valid for this document.`);
  // A line naming an item takes the item's defaults for what it does not send (docs/vendors/xero.md §9).
  const defaults = (ctx.sales ? item?.SalesDetails : item?.PurchaseDetails) ?? {};
  const description =
    optionalString(input, 'Description') ??
    (ctx.sales ? item?.Description : item?.PurchaseDescription) ??
    item?.Name;
  const accountId = optionalString(input, 'AccountID');
  const accountCode =
    optionalString(input, 'AccountCode') ??
    (accountId
      ? books.accounts.find((a) => a.AccountID === accountId.toLowerCase())?.Code
      : undefined) ??
    defaults.AccountCode;
  const account = accountCode ? books.accounts.find((a) => a.Code === accountCode) : undefined;
  if (accountCode) {
    const problem = accountProblem(books, accountCode);
    if (problem) errors.push(problem);
  }
  const taxType = optionalString(input, 'TaxType') ?? defaults.TaxType ?? account?.TaxType;
  if (taxType && optionalString(input, 'TaxType')) {
    const problem = taxTypeProblem(books, taxType, ctx.sales);
    if (problem) errors.push(problem);
  }
  const discountRate = optionalNumber(input, 'DiscountRate');
  const discountAmount = optionalNumber(input, 'DiscountAmount');
  if (!ctx.sales && (discountRate !== undefined || discountAmount !== undefined)) {
    // LineItem schema: discounts are "only supported on ACCREC invoices and quotes".
    errors.push('Discounts are only supported on ACCREC invoices and quotes.');
  }
  if (discountRate !== undefined && discountAmount !== undefined) {
    errors.push('Only one of DiscountRate or DiscountAmount can be specified on a line item.');
  }
  const tracking = resolveTracking(books, input['Tracking'], errors);
  if (errors.length > 0) return { errors };
  const rate = books.taxRates.find((candidate) => candidate.TaxType === taxType)?.Rate ?? 0;
  const priced = computeLine(
    {
      quantity: optionalNumber(input, 'Quantity'),
      unitAmount: optionalNumber(input, 'UnitAmount') ?? defaults.UnitPrice,
      discountRate,
      discountAmount,
      taxRate: rate,
      taxAmount: optionalNumber(input, 'TaxAmount'),
      lineAmount: optionalNumber(input, 'LineAmount'),
    },
    ctx.mode,
    ctx.unitDp,
  );
  if (!priced.ok) return { errors: [priced.message] };
  return {
    LineItemID: randomUUID(),
    ...(description !== undefined && { Description: description }),
    ...(item && {
      ItemCode: item.Code,
      ItemID: item.ItemID,
      ...(item.Name !== undefined && { ItemName: item.Name }),
    }),
    ...(account && { AccountCode: account.Code, AccountID: account.AccountID }),
    ...(taxType !== undefined && { TaxType: taxType }),
    ...(discountRate !== undefined && { DiscountRate: discountRate }),
    ...(discountAmount !== undefined && { DiscountAmount: discountAmount }),
    Tracking: tracking,
    ...priced.line,
  };
}

function resolveTracking(books: Books, raw: unknown, errors: string[]): LineRecord['Tracking'] {
  if (!Array.isArray(raw)) return [];
  if (raw.length > 2) {
    errors.push('A maximum of 2 tracking categories can be applied to a line item.');
    return [];
  }
  return raw.flatMap((entry) => {
    const wanted = asObject(entry) ?? {};
    const byId = optionalString(wanted, 'TrackingCategoryID')?.toLowerCase();
    const name = optionalString(wanted, 'Name');
    const category = books.trackingCategories.find(
      (candidate) => candidate.TrackingCategoryID === byId || candidate.Name === name,
    );
    const optionName = optionalString(wanted, 'Option');
    const optionId = optionalString(wanted, 'TrackingOptionID')?.toLowerCase();
    const option = category?.Options.find(
      (o) => o.TrackingOptionID === optionId || o.Name === optionName,
    );
    if (!category || !option) {
      errors.push(
        `Tracking category '${name ?? byId ?? ''}' option '${optionName ?? optionId ?? ''}' is not valid.`,
      );
      return [];
    }
    return [
      {
        TrackingCategoryID: category.TrackingCategoryID,
        Name: category.Name,
        Option: option.Name,
        TrackingOptionID: option.TrackingOptionID,
      },
    ];
  });
}
