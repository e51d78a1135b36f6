import type { Refusal, RefusalCode } from './mapping/refusal.js';

/**
 * Refusal → the plain-words text of the deal note: what is wrong, where to fix it, then "Replay".
 * One sentence pair per code; the switch is exhaustive, so a new code cannot ship without its words.
 * (Codes are listed in errors/catalogue.ts.)
 */

export function refusalNote(refusal: Refusal): string {
  return `${explain(refusal)} ${fix(refusal.code, refusal.details)}`.trim();
}

function explain({ code, details: d }: Refusal): string {
  switch (code) {
    case 'deal_has_no_products':
      return 'This deal has no enabled products and no value, so there is nothing to put on a Xero document.';
    case 'currency_not_enabled':
      return `Xero has no currency ${d['currency']} enabled in ${d['orgName']}.`;
    case 'currency_not_base':
      return `The deal is in ${d['currency']}, but the settings make documents only in ${d['baseCurrency']}, and amounts are never converted.`;
    case 'tax_rate_not_mapped':
      return `No Xero tax rate is chosen for the deal's ${d['ratePercent']} % tax.`;
    case 'tax_type_not_found':
      return `Xero has no tax rate ${d['taxType']}.`;
    case 'tax_type_not_active':
      return `The Xero tax rate ${d['taxType']} is ${String(d['status']).toLowerCase()}.`;
    case 'tax_type_not_for_sales':
      return `The Xero tax rate ${d['taxType']} cannot be used on sales.`;
    case 'tax_rate_mismatch':
      return `The Xero tax rate ${d['taxType']} is ${d['xeroRatePercent']} %, but the deal's line has ${d['ratePercent']} %.`;
    case 'account_not_found':
      return `Xero has no account with code ${d['accountCode']}.`;
    case 'account_not_active':
      return `The Xero account ${d['accountCode']} is ${String(d['status']).toLowerCase()}.`;
    case 'negative_price':
      return `The product "${d['product']}" has a negative price (${d['price']}).`;
    case 'invalid_quantity':
      return `The product "${d['product']}" has quantity ${d['quantity']}; it must be more than 0.`;
    case 'quantity_too_precise':
      return `The product "${d['product']}" has quantity ${d['quantity']}; Xero keeps only 4 decimals.`;
    case 'invalid_discount':
      return `The product "${d['product']}" has a discount of ${d['discount']}, more than the line is worth (or below zero).`;
    case 'recurring_cycles_unknown':
      return `The recurring product "${d['product']}" has no end date, so "invoice all cycles" cannot count them.`;
    case 'item_not_found':
      return `Xero has no item for ${list(d['products'])}.`;
    case 'item_code_too_long':
      return `The product code "${d['code']}" has ${d['length']} characters; Xero allows at most 30.`;
    case 'negative_total':
      return `The deal's total is ${d['dealTotal']}; Xero documents cannot be negative.`;
    case 'total_mismatch':
      return `Xero would total this document ${d['xeroTotal']} ${d['currency']}, but the deal totals ${d['dealTotal']} ${d['currency']}, and no rounding correction can make them equal. Nothing was created.`;
  }
}

function fix(code: RefusalCode, d: Refusal['details']): string {
  switch (code) {
    case 'deal_has_no_products':
      return 'Add products to the deal, then Replay.';
    case 'currency_not_enabled':
      return 'Enable it in Xero (Settings → Currencies), then Replay.';
    case 'currency_not_base':
      return `Change the deal's currency to ${d['baseCurrency']}, or set currency handling to "deal" in the app's settings, then Replay.`;
    case 'tax_rate_not_mapped':
    case 'tax_type_not_found':
    case 'tax_type_not_active':
    case 'tax_type_not_for_sales':
    case 'tax_rate_mismatch':
      return "Map the rate to an active Xero sales tax rate in the app's settings (Tax mapping), or fix it in Xero (Settings → Tax rates), then Replay.";
    case 'account_not_found':
    case 'account_not_active':
      return "Choose an active revenue account in the app's settings, or restore it in Xero (Chart of accounts), then Replay.";
    case 'negative_price':
    case 'invalid_quantity':
    case 'quantity_too_precise':
    case 'invalid_discount':
      return 'Correct the product line on the deal, then Replay.';
    case 'recurring_cycles_unknown':
      return 'Give the product a number of cycles on the deal, or invoice the first period only (settings), then Replay.';
    case 'item_not_found':
      return 'Create the items in Xero, or choose "use a default item" or "create items" in the app\'s settings, then Replay.';
    case 'item_code_too_long':
      return 'Shorten the product code in Pipedrive, then Replay.';
    case 'negative_total':
      return "Reduce the deal's discounts, then Replay.";
    case 'total_mismatch':
      return 'Add a Rounding account in Xero (Chart of accounts, system account "Rounding") or check the deal\'s discounts, then Replay.';
  }
}

function list(value: unknown): string {
  const names = Array.isArray(value) ? value.map((name) => `"${name}"`) : [`"${String(value)}"`];
  return names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
