/**
 * Refusals are values: the mapping returns one instead of a document when the deal cannot
 * become an exact Xero document. `code` is stable and user-visible (docs/errors.md); `details` carries
 * what sync/refusals.ts needs to write the deal note in plain words.
 */

export type RefusalCode =
  | 'deal_has_no_products'
  | 'currency_not_enabled'
  | 'currency_not_base'
  | 'tax_rate_not_mapped'
  | 'tax_type_not_found'
  | 'tax_type_not_active'
  | 'tax_type_not_for_sales'
  | 'tax_rate_mismatch'
  | 'account_not_found'
  | 'account_not_active'
  | 'negative_price'
  | 'invalid_quantity'
  | 'quantity_too_precise'
  | 'invalid_discount'
  | 'recurring_cycles_unknown'
  | 'item_not_found'
  | 'item_code_too_long'
  | 'negative_total'
  | 'total_mismatch';

export interface Refusal {
  code: RefusalCode;
  message: string;
  details: Record<string, string | number | string[]>;
}

export type Refused = { ok: false; refusal: Refusal };

export function refuse(
  code: RefusalCode,
  message: string,
  details: Refusal['details'] = {},
): Refused {
  return { ok: false, refusal: { code, message, details } };
}
