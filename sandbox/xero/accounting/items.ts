import { randomUUID } from 'node:crypto';

import type { Books, ItemDetails, ItemRecord } from './model.js';
import { round } from './totals.js';
import {
  accountProblem,
  asObject,
  optionalNumber,
  optionalString,
  taxTypeProblem,
  tooLong,
} from './validate.js';

/** Item writes (docs/vendors/xero.md §9): Code required ≤30 and unique, Name ≤50, IsSold=false nulls sales fields. */
export type ItemOutcome =
  { ok: true; record: ItemRecord; created: boolean } | { ok: false; errors: string[] };

export function findItemByCode(books: Books, code: string): ItemRecord | undefined {
  const wanted = code.toLowerCase();
  return [...books.items.values()].find((item) => item.Code.toLowerCase() === wanted);
}

/** POST /Items upserts by ItemID, else by Code. */
export function matchItem(books: Books, input: Record<string, unknown>): ItemRecord | undefined {
  const id = optionalString(input, 'ItemID');
  if (id) return books.items.get(id.toLowerCase());
  const code = optionalString(input, 'Code');
  return code ? findItemByCode(books, code) : undefined;
}

export function writeItem(
  books: Books,
  input: Record<string, unknown>,
  existing: ItemRecord | undefined,
  unitDp: 2 | 4,
  nowMs: number,
): ItemOutcome {
  const errors = tooLong(input, {
    Code: 30,
    Name: 50,
    Description: 4000,
    PurchaseDescription: 4000,
  });
  const record: ItemRecord = existing
    ? structuredClone(existing)
    : { ItemID: randomUUID(), Code: '', IsSold: true, IsPurchased: true, updatedMs: nowMs };
  for (const field of ['Code', 'Name', 'Description', 'PurchaseDescription'] as const) {
    const value = optionalString(input, field);
    if (value !== undefined) record[field] = value;
  }
  for (const flag of ['IsSold', 'IsPurchased'] as const) {
    if (typeof input[flag] === 'boolean') record[flag] = input[flag];
  }
  for (const [side, sales] of [
    ['SalesDetails', true],
    ['PurchaseDetails', false],
  ] as const) {
    const details = asObject(input[side]);
    if (!details) continue;
    const merged: ItemDetails = { ...record[side] };
    const price = optionalNumber(details, 'UnitPrice');
    if (price !== undefined) merged.UnitPrice = round(price, unitDp).toNumber();
    const account = optionalString(details, 'AccountCode');
    if (account) {
      const problem = accountProblem(books, account);
      if (problem) errors.push(problem);
      merged.AccountCode = account;
    }
    const taxType = optionalString(details, 'TaxType');
    if (taxType) {
      const problem = taxTypeProblem(books, taxType, sales);
      if (problem) errors.push(problem);
      merged.TaxType = taxType;
    }
    record[side] = merged;
  }
  // docs/vendors/xero.md §9: an item that is not sold has no sales description or details.
  if (!record.IsSold) {
    delete record.Description;
    delete record.SalesDetails;
  }
  if (!record.IsPurchased) {
    delete record.PurchaseDescription;
    delete record.PurchaseDetails;
  }
  if (record.Code.trim() === '') errors.push('Item code must be specified.');
  const twin = findItemByCode(books, record.Code);
  if (record.Code && twin && twin.ItemID !== record.ItemID) {
    errors.push(`Price List Item with Code '${record.Code}' already exists`);
  }
  if (errors.length > 0) return { ok: false, errors };
  record.updatedMs = nowMs;
  return { ok: true, record, created: !existing };
}
