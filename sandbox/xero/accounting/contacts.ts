import { randomUUID } from 'node:crypto';

import type { AddressRecord, Books, ContactRecord, PhoneRecord } from './model.js';
import { asObject, optionalString, tooLong } from './validate.js';

/**
 * Contact writes (docs/vendors/xero.md §8): Name required and unique among ACTIVE contacts (archived twins
 * don't count), ContactNumber unique, field lengths. Returns the new record or Xero's messages;
 * the caller commits and announces the change.
 */
export type ContactOutcome =
  { ok: true; record: ContactRecord; created: boolean } | { ok: false; errors: string[] };

const LIMITS = {
  Name: 255,
  FirstName: 255,
  LastName: 255,
  EmailAddress: 255,
  ContactNumber: 50,
  AccountNumber: 50,
  CompanyNumber: 50,
  TaxNumber: 50,
};
const STRING_FIELDS = [
  'ContactNumber',
  'AccountNumber',
  'Name',
  'FirstName',
  'LastName',
  'EmailAddress',
  'CompanyNumber',
  'TaxNumber',
  'DefaultCurrency',
  'SalesDefaultAccountCode',
  'AccountsReceivableTaxType',
] as const;
/** PaymentTermType of the spec (docs/vendors/xero.md §8). */
const PAYMENT_TERM_TYPES = [
  'DAYSAFTERBILLDATE',
  'DAYSAFTERBILLMONTH',
  'OFCURRENTMONTH',
  'OFFOLLOWINGMONTH',
];
const STATUSES = ['ACTIVE', 'ARCHIVED', 'GDPRREQUEST'] as const;

export function findActiveByName(
  books: Books,
  name: string,
  except?: string,
): ContactRecord | undefined {
  const wanted = name.trim().toLowerCase();
  return [...books.contacts.values()].find(
    (contact) =>
      contact.ContactID !== except &&
      contact.ContactStatus === 'ACTIVE' &&
      contact.Name.trim().toLowerCase() === wanted,
  );
}

export function findByNumber(books: Books, number: string): ContactRecord | undefined {
  return [...books.contacts.values()].find((contact) => contact.ContactNumber === number);
}

/**
 * POST /Contacts matching: ContactID, else ContactNumber, else an active contact's Name
 * (docs/vendors/xero.md §4 [reported]). `undefined` means "create".
 */
export function matchContact(
  books: Books,
  input: Record<string, unknown>,
): ContactRecord | undefined {
  const id = optionalString(input, 'ContactID');
  if (id) return books.contacts.get(id.toLowerCase());
  const number = optionalString(input, 'ContactNumber');
  const byNumber = number ? findByNumber(books, number) : undefined;
  if (byNumber) return byNumber;
  const name = optionalString(input, 'Name');
  return name ? findActiveByName(books, name) : undefined;
}

export function writeContact(
  books: Books,
  input: Record<string, unknown>,
  existing: ContactRecord | undefined,
  nowMs: number,
): ContactOutcome {
  const errors = tooLong(input, LIMITS);
  const record: ContactRecord = existing
    ? structuredClone(existing)
    : {
        ContactID: randomUUID(),
        ContactStatus: 'ACTIVE',
        Name: '',
        IsCustomer: false,
        IsSupplier: false,
        ContactPersons: [],
        Addresses: [],
        Phones: [],
        updatedMs: nowMs,
      };
  for (const field of STRING_FIELDS) {
    const value = optionalString(input, field);
    if (value !== undefined) record[field] = value;
  }
  errors.push(...contactDefaultsErrors(books, record));
  const terms = asObject(asObject(input['PaymentTerms'])?.['Sales']);
  if (terms) {
    const day = Number(terms['Day']);
    const type = String(terms['Type'] ?? '');
    if (!PAYMENT_TERM_TYPES.includes(type))
      errors.push(`PaymentTerms Type '${type}' is not valid.`);
    else if (!Number.isInteger(day) || day < 0 || day > 31)
      errors.push('PaymentTerms Day must be between 0 and 31.');
    else record.PaymentTerms = { Sales: { Day: day, Type: type } };
  }
  const status = optionalString(input, 'ContactStatus');
  if (status !== undefined) {
    if ((STATUSES as readonly string[]).includes(status))
      record.ContactStatus = status as ContactRecord['ContactStatus'];
    else errors.push(`ContactStatus '${status}' is not valid.`);
  }
  if (Array.isArray(input['Addresses']))
    record.Addresses = mergeByType(
      record.Addresses,
      input['Addresses'],
      'AddressType',
    ) as AddressRecord[];
  if (Array.isArray(input['Phones']))
    record.Phones = mergeByType(record.Phones, input['Phones'], 'PhoneType') as PhoneRecord[];
  if (Array.isArray(input['ContactPersons']))
    record.ContactPersons = input['ContactPersons'].map((person) => asObject(person) ?? {});
  if (record.Name.trim() === '') errors.push('The contact name must be specified.');
  else if (
    record.ContactStatus === 'ACTIVE' &&
    findActiveByName(books, record.Name, record.ContactID)
  ) {
    // SPEC example wording, verbatim (docs/vendors/xero.md §6).
    errors.push(
      `The contact name ${record.Name} is already assigned to another contact. The contact name must be unique across all active contacts.`,
    );
  }
  const clash = record.ContactNumber ? findByNumber(books, record.ContactNumber) : undefined;
  if (clash && clash.ContactID !== record.ContactID) {
    errors.push(
      `The contact number ${record.ContactNumber} is already assigned to another contact.`,
    );
  }
  if (errors.length > 0) return { ok: false, errors };
  record.updatedMs = nowMs;
  return { ok: true, record, created: !existing };
}

/** A contact's defaults must name what the organisation has (its currencies, accounts, tax rates). */
function contactDefaultsErrors(books: Books, record: ContactRecord): string[] {
  const errors: string[] = [];
  const currency = record.DefaultCurrency;
  if (currency && !books.currencies.some((entry) => entry.Code === currency))
    errors.push(`The currency ${currency} is not enabled for this organisation.`);
  const account = record.SalesDefaultAccountCode;
  if (
    account &&
    !books.accounts.some((entry) => entry.Code === account && entry.Status === 'ACTIVE')
  )
    errors.push(`Account code '${account}' is not a valid code for this organisation.`);
  const taxType = record.AccountsReceivableTaxType;
  if (
    taxType &&
    !books.taxRates.some((entry) => entry.TaxType === taxType && entry.Status === 'ACTIVE')
  )
    errors.push(`The TaxType code ${taxType} does not exist or cannot be used.`);
  return errors;
}

function mergeByType(current: object[], incoming: unknown[], key: string): object[] {
  const merged = new Map(current.map((entry) => [(entry as Record<string, unknown>)[key], entry]));
  for (const raw of incoming) {
    const entry = asObject(raw);
    if (entry && typeof entry[key] === 'string') merged.set(entry[key], { ...entry });
  }
  return [...merged.values()];
}
