import { randomUUID } from 'node:crypto';

import { findActiveByName, findByNumber } from './contacts.js';
import { isGuid, parseRequestDay, todayIn } from './format.js';
import { priceLines } from './lines.js';
import type { Books, ContactRecord, DocumentKind, DocumentRecord } from './model.js';
import { round, sumDocument, type TaxMode } from './totals.js';
import { asObject, optionalNumber, optionalString, tooLong } from './validate.js';

/**
 * Invoice and quote writes (docs/vendors/xero.md §10–§11). Validation messages are Xero's where known (§6).
 * Returns the record to store, and a contact to create when the document names an unknown one.
 */
export interface DocumentWrite {
  books: Books;
  kind: DocumentKind;
  nowMs: number;
  unitDp: 2 | 4;
  clientId: string;
}

export type DocumentOutcome =
  | {
      ok: true;
      doc: DocumentRecord;
      newContact?: { Name: string; ContactNumber?: string };
      autoNumbered: boolean;
    }
  | { ok: false; errors: string[] };

/** Status moves Xero allows on update (docs/vendors/xero.md §10, §11); creation allows the keys' first entries. */
const INVOICE_MOVES: Record<string, string[]> = {
  DRAFT: ['DRAFT', 'SUBMITTED', 'AUTHORISED', 'DELETED'],
  SUBMITTED: ['SUBMITTED', 'DRAFT', 'AUTHORISED', 'DELETED'],
  AUTHORISED: ['AUTHORISED', 'VOIDED'],
};
const QUOTE_MOVES: Record<string, string[]> = {
  DRAFT: ['DRAFT', 'SENT', 'DELETED'],
  SENT: ['SENT', 'DRAFT', 'ACCEPTED', 'DECLINED', 'DELETED'],
  ACCEPTED: ['ACCEPTED', 'SENT', 'INVOICED'],
  DECLINED: ['DECLINED', 'SENT', 'DELETED'],
};
const CREATE_STATUSES = { invoice: ['DRAFT', 'SUBMITTED', 'AUTHORISED'], quote: ['DRAFT', 'SENT'] };
/** Lines may change only while the document is still being prepared. */
const EDITABLE = { invoice: ['DRAFT', 'SUBMITTED'], quote: ['DRAFT'] };
const MODES: Record<string, TaxMode> = {
  exclusive: 'Exclusive',
  inclusive: 'Inclusive',
  notax: 'NoTax',
};

export function writeDocument(
  ctx: DocumentWrite,
  input: Record<string, unknown>,
  existing?: DocumentRecord,
): DocumentOutcome {
  const { books, kind } = ctx;
  const noun = kind === 'invoice' ? 'Invoice' : 'Quote';
  const errors: string[] =
    kind === 'quote'
      ? tooLong(input, {
          Title: 100,
          Summary: 3000,
          Terms: 4000,
          Reference: 4000,
          QuoteNumber: 255,
        })
      : tooLong(input, { InvoiceNumber: 255, Reference: 255 });

  const type = kind === 'quote' ? 'ACCREC' : (existing?.type ?? optionalString(input, 'Type'));
  if (type !== 'ACCREC' && type !== 'ACCPAY')
    errors.push('Invoice Type must be specified as ACCREC or ACCPAY.');
  const sales = type !== 'ACCPAY';

  const status = optionalString(input, 'Status')?.toUpperCase() ?? existing?.status ?? 'DRAFT';
  if (!existing && !CREATE_STATUSES[kind].includes(status))
    errors.push(`${noun} not of valid status for creation`);
  const moves = (kind === 'invoice' ? INVOICE_MOVES : QUOTE_MOVES)[existing?.status ?? ''] ?? [];
  if (existing && !moves.includes(status))
    errors.push(`${noun} not of valid status for modification`);

  const editing = input['LineItems'] !== undefined || input['Contact'] !== undefined;
  if (existing && editing && !EDITABLE[kind].includes(existing.status)) {
    errors.push(
      `This ${noun.toLowerCase()} cannot be edited because its status is ${existing.status}.`,
    );
  }

  const contact = resolveContact(books, input['Contact'], existing?.contactId);
  if ('error' in contact) errors.push(contact.error);

  const currencyCode =
    optionalString(input, 'CurrencyCode')?.toUpperCase() ??
    existing?.currencyCode ??
    books.organisation.BaseCurrency;
  if (!books.currencies.some((currency) => currency.Code === currencyCode)) {
    errors.push(`Organisation is not subscribed to currency ${currencyCode}`);
  }

  const modeInput = optionalString(input, 'LineAmountTypes');
  const mode =
    modeInput === undefined
      ? (existing?.lineAmountTypes ?? 'Exclusive')
      : MODES[modeInput.toLowerCase()];
  if (!mode) errors.push(`LineAmountTypes '${modeInput}' is not valid.`);

  const brandingThemeId =
    optionalString(input, 'BrandingThemeID')?.toLowerCase() ?? existing?.brandingThemeId;
  if (
    brandingThemeId &&
    !books.brandingThemes.some((theme) => theme.BrandingThemeID === brandingThemeId)
  ) {
    errors.push(`BrandingThemeID '${brandingThemeId}' is not valid.`);
  }

  const unitDp = kind === 'quote' ? 4 : ctx.unitDp;
  const priced =
    input['LineItems'] !== undefined || !existing
      ? priceLines({ books, sales, mode: mode ?? 'Exclusive', unitDp }, input['LineItems'])
      : { ok: true as const, lines: existing.lines };
  if (!priced.ok) errors.push(...priced.errors);

  const requested = optionalString(input, kind === 'invoice' ? 'InvoiceNumber' : 'QuoteNumber');
  const number = requested ?? existing?.number ?? (sales ? nextNumber(books, kind) : '');
  const id = existing?.id ?? randomUUID();
  if (kind === 'invoice' && sales && numberTaken(books, number, id))
    errors.push('Invoice # must be unique.');

  if (errors.length > 0 || !priced.ok || !mode || 'error' in contact) return { ok: false, errors };

  const totals = sumDocument(priced.lines, mode);
  const day = (field: string) => parseRequestDay(input[field]);
  const doc: DocumentRecord = {
    ...existing,
    kind,
    id,
    number,
    type: type ?? 'ACCREC',
    contactId: contact.contactId ?? '',
    status,
    date: day('Date') ?? existing?.date ?? todayIn(books.organisation.ianaTimezone, ctx.nowMs),
    lineAmountTypes: mode,
    currencyCode,
    currencyRate: optionalNumber(input, 'CurrencyRate') ?? existing?.currencyRate ?? 1,
    unitDp: kind === 'quote' ? 4 : Math.max(ctx.unitDp, existing?.unitDp ?? 2) === 4 ? 4 : 2,
    lines: priced.lines,
    ...totals,
    amountPaid: existing?.amountPaid ?? round(0, 2),
    createdMs: existing?.createdMs ?? ctx.nowMs,
    updatedMs: ctx.nowMs,
    ...(existing?.createdByClientId === undefined && { createdByClientId: ctx.clientId }),
  };
  const dueDate = day(kind === 'invoice' ? 'DueDate' : 'ExpiryDate');
  if (dueDate) doc.dueDate = dueDate;
  const expected = day('ExpectedPaymentDate');
  if (expected) doc.expectedPaymentDate = expected;
  if (brandingThemeId) doc.brandingThemeId = brandingThemeId;
  for (const [field, key] of [
    ['Reference', 'reference'],
    ['Url', 'url'],
    ['Title', 'title'],
    ['Summary', 'summary'],
    ['Terms', 'terms'],
  ] as const) {
    const value = optionalString(input, field);
    if (value !== undefined) doc[key] = value;
  }
  return {
    ok: true,
    doc,
    autoNumbered: requested === undefined && !existing && sales,
    ...(contact.create && { newContact: contact.create }),
  };
}

type ContactResolution =
  { contactId?: string; create?: { Name: string; ContactNumber?: string } } | { error: string };

/** ContactID → ContactNumber → Name; an unknown Name creates a contact (docs/vendors/xero.md §8). */
function resolveContact(
  books: Books,
  raw: unknown,
  current: string | undefined,
): ContactResolution {
  if (raw === undefined) {
    return current
      ? { contactId: current }
      : { error: 'A Contact must be specified for this type of transaction' };
  }
  const input = asObject(raw) ?? {};
  const id = optionalString(input, 'ContactID');
  const number = optionalString(input, 'ContactNumber');
  const name = optionalString(input, 'Name');
  const usable = (contact: ContactRecord): ContactResolution =>
    contact.ContactStatus === 'ACTIVE'
      ? { contactId: contact.ContactID }
      : { error: 'The contact is archived and cannot be used.' };
  if (id) {
    const contact = books.contacts.get(id.toLowerCase());
    return contact
      ? usable(contact)
      : { error: `The contact with ContactID ${id} could not be found.` };
  }
  const byNumber = number ? findByNumber(books, number) : undefined;
  if (byNumber) return usable(byNumber);
  if (name) {
    const byName = findActiveByName(books, name);
    if (byName) return { contactId: byName.ContactID };
    return { create: { Name: name, ...(number !== undefined && { ContactNumber: number }) } };
  }
  if (number) return { error: `The contact with ContactNumber ${number} could not be found.` };
  return {
    error:
      'The Contact must contain at least 1 of the following elements to identify the contact: Name, ContactID, ContactNumber',
  };
}

function numberTaken(books: Books, number: string, exceptId: string): boolean {
  return [...books.documents.values()].some(
    (doc) =>
      doc.kind === 'invoice' &&
      doc.type === 'ACCREC' &&
      doc.id !== exceptId &&
      doc.number.toLowerCase() === number.toLowerCase(),
  );
}

/** INV-0001… / QU-0001…, skipping numbers already used (docs/vendors/xero.md §10–§11). */
export function nextNumber(books: Books, kind: DocumentKind): string {
  const prefix = kind === 'invoice' ? 'INV-' : 'QU-';
  let counter = books.counters[kind];
  const taken = new Set(
    [...books.documents.values()].filter((doc) => doc.kind === kind).map((doc) => doc.number),
  );
  while (taken.has(`${prefix}${String(counter).padStart(4, '0')}`)) counter += 1;
  return `${prefix}${String(counter).padStart(4, '0')}`;
}

/** A GUID path segment is the document id; anything else its number (docs/vendors/xero.md §2). */
export function findDocument(
  books: Books,
  kind: DocumentKind,
  key: string,
): DocumentRecord | undefined {
  if (isGuid(key)) {
    const doc = books.documents.get(key.toLowerCase());
    return doc?.kind === kind ? doc : undefined;
  }
  return [...books.documents.values()].find((doc) => doc.kind === kind && doc.number === key);
}
