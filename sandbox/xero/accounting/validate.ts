import type { Books } from './model.js';

/** Field checks shared by contacts, items and documents, with Xero's wording (docs/vendors/xero.md §6). */

export function tooLong(input: Record<string, unknown>, limits: Record<string, number>): string[] {
  const errors: string[] = [];
  for (const [field, max] of Object.entries(limits)) {
    const value = input[field];
    if (typeof value === 'string' && value.length > max) {
      errors.push(`${field} must not be more than ${max} characters long.`);
    }
  }
  return errors;
}

export function optionalString(input: Record<string, unknown>, field: string): string | undefined {
  const value = input[field];
  return typeof value === 'string' ? value : undefined;
}

export function optionalNumber(input: Record<string, unknown>, field: string): number | undefined {
  const value = input[field];
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return undefined;
}

export function asObject(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** Account code check for document lines and item details (docs/vendors/xero.md §6). */
export function accountProblem(books: Books, code: string): string | undefined {
  const account = books.accounts.find((candidate) => candidate.Code === code);
  if (!account) return `Account code '${code}' is not a valid code for this document.`;
  if (account.Status !== 'ACTIVE') {
    return `Account code '${code}' has been archived, or has been deleted. Each line item must reference a valid account.`;
  }
  return undefined;
}

/** TaxType must exist, be ACTIVE and apply to revenue (sales) or expenses (bills). */
export function taxTypeProblem(books: Books, taxType: string, sales: boolean): string | undefined {
  const rate = books.taxRates.find((candidate) => candidate.TaxType === taxType);
  const usable =
    rate?.Status === 'ACTIVE' && (sales ? rate.CanApplyToRevenue : rate.CanApplyToExpenses);
  return usable
    ? undefined
    : `The TaxType code ${taxType} does not exist or cannot be used for this type of transaction`;
}
