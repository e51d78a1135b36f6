import { dayToDateString, dayToMsDate, msDate } from './format.js';
import type {
  Books,
  ContactGroupRecord,
  ContactRecord,
  DocumentRecord,
  ItemRecord,
  LineRecord,
} from './model.js';
import { round } from './totals.js';

/** Records → Xero-shaped JSON objects (docs/vendors/xero.md §8–§12). Numbers are formatted by toXeroJson. */

const ADDRESS_TYPES = ['POBOX', 'STREET'] as const;
const PHONE_TYPES = ['DEFAULT', 'DDI', 'FAX', 'MOBILE'] as const;
const EMPTY_ADDRESS = {
  AddressLine1: '',
  City: '',
  Region: '',
  PostalCode: '',
  Country: '',
  AttentionTo: '',
};
const EMPTY_PHONE = { PhoneNumber: '', PhoneAreaCode: '', PhoneCountryCode: '' };

/**
 * Both address types and four phone types are always present (docs/vendors/xero.md §8). `groups`,
 * the organisation's contact groups, fill ContactGroups on a single contact's GET (§8.1).
 */
export function contactView(
  contact: ContactRecord,
  summaryOnly = false,
  groups: readonly ContactGroupRecord[] = [],
): Record<string, unknown> {
  const { updatedMs, Addresses, Phones, ContactPersons, ...fields } = contact;
  const base = { ...fields, UpdatedDateUTC: msDate(updatedMs) };
  if (summaryOnly) return { ...base, HasValidationErrors: false };
  return {
    ...base,
    Addresses: ADDRESS_TYPES.map((AddressType) => ({
      AddressType,
      ...EMPTY_ADDRESS,
      ...Addresses.find((address) => address.AddressType === AddressType),
    })),
    Phones: [
      ...PHONE_TYPES.map((PhoneType) => ({
        PhoneType,
        ...EMPTY_PHONE,
        ...Phones.find((phone) => phone.PhoneType === PhoneType),
      })),
      ...Phones.filter((phone) => phone.PhoneType === 'OFFICE'),
    ],
    ContactPersons,
    ContactGroups: groups
      .filter((group) => group.contactIds.includes(contact.ContactID))
      .map((group) => contactGroupView(group)),
    HasAttachments: false,
    HasValidationErrors: false,
  };
}

/** A contact group (docs/vendors/xero.md §8.1); its members only when `books` are given (GET by id). */
export function contactGroupView(
  group: ContactGroupRecord,
  books?: Books,
): Record<string, unknown> {
  const members = books
    ? group.contactIds.flatMap((id) => {
        const contact = books.contacts.get(id);
        return contact
          ? [
              {
                ContactID: contact.ContactID,
                Name: contact.Name,
                Addresses: [],
                Phones: [],
                ContactGroups: [],
                ContactPersons: [],
                HasValidationErrors: false,
              },
            ]
          : [];
      })
    : [];
  return {
    ContactGroupID: group.ContactGroupID,
    Name: group.Name,
    Status: group.Status,
    Contacts: members,
    HasValidationErrors: false,
  };
}

export function itemView(item: ItemRecord, unitDp: 2 | 4): Record<string, unknown> {
  const details = (details: ItemRecord['SalesDetails']) =>
    details && {
      ...details,
      ...(details.UnitPrice !== undefined && {
        UnitPrice: round(details.UnitPrice, unitDp).toNumber(),
      }),
    };
  const { updatedMs, SalesDetails, PurchaseDetails, ...fields } = item;
  return {
    ...fields,
    ...(SalesDetails && { SalesDetails: details(SalesDetails) }),
    ...(PurchaseDetails && { PurchaseDetails: details(PurchaseDetails) }),
    IsTrackedAsInventory: false,
    UpdatedDateUTC: msDate(updatedMs),
  };
}

function lineView(line: LineRecord, unitDp: 2 | 4): Record<string, unknown> {
  return {
    LineItemID: line.LineItemID,
    ...(line.Description !== undefined && { Description: line.Description }),
    Quantity: line.quantity.toNumber(),
    UnitAmount: round(line.unitAmount, unitDp).toNumber(),
    ...(line.ItemCode !== undefined && { ItemCode: line.ItemCode }),
    ...(line.AccountCode !== undefined && { AccountCode: line.AccountCode }),
    ...(line.AccountID !== undefined && { AccountID: line.AccountID }),
    ...(line.TaxType !== undefined && { TaxType: line.TaxType }),
    TaxAmount: line.taxAmount.toNumber(),
    LineAmount: line.lineAmount.toNumber(),
    ...(line.DiscountRate !== undefined && { DiscountRate: line.DiscountRate }),
    ...(line.DiscountAmount !== undefined && { DiscountAmount: line.DiscountAmount }),
    ...(line.ItemID !== undefined && {
      Item: { ItemID: line.ItemID, Code: line.ItemCode, Name: line.ItemName },
    }),
    Tracking: line.Tracking,
    ValidationErrors: [],
  };
}

/** `withLines` false: Xero's list GET without `page` returns `LineItems: []` (docs/vendors/xero.md §5). */
export function documentView(
  books: Books,
  doc: DocumentRecord,
  options: { withLines: boolean; unitDp: 2 | 4 },
): Record<string, unknown> {
  const contact = books.contacts.get(doc.contactId);
  const contactPart = contact
    ? { Contact: contactView(contact, true) }
    : { Contact: { ContactID: doc.contactId } };
  const lines = options.withLines ? doc.lines.map((line) => lineView(line, options.unitDp)) : [];
  const common = {
    ...contactPart,
    Date: dayToMsDate(doc.date),
    DateString: dayToDateString(doc.date),
    Status: doc.status,
    LineItems: lines,
    SubTotal: doc.subTotal.toNumber(),
    TotalTax: doc.totalTax.toNumber(),
    Total: doc.total.toNumber(),
    TotalDiscount: doc.totalDiscount.toNumber(),
    CurrencyCode: doc.currencyCode,
    CurrencyRate: doc.currencyRate,
    ...(doc.reference !== undefined && { Reference: doc.reference }),
    ...(doc.brandingThemeId !== undefined && { BrandingThemeID: doc.brandingThemeId }),
    UpdatedDateUTC: msDate(doc.updatedMs),
  };
  if (doc.kind === 'quote') {
    return {
      QuoteID: doc.id,
      QuoteNumber: doc.number,
      ...common,
      LineAmountTypes: doc.lineAmountTypes.toUpperCase(),
      ...(doc.dueDate !== undefined && {
        ExpiryDate: dayToMsDate(doc.dueDate),
        ExpiryDateString: dayToDateString(doc.dueDate),
      }),
      ...(doc.title !== undefined && { Title: doc.title }),
      ...(doc.summary !== undefined && { Summary: doc.summary }),
      ...(doc.terms !== undefined && { Terms: doc.terms }),
    };
  }
  const amountDue = doc.total.minus(doc.amountPaid);
  return {
    Type: doc.type,
    InvoiceID: doc.id,
    InvoiceNumber: doc.number,
    ...common,
    LineAmountTypes: doc.lineAmountTypes,
    ...(doc.dueDate !== undefined && {
      DueDate: dayToMsDate(doc.dueDate),
      DueDateString: dayToDateString(doc.dueDate),
    }),
    ...(doc.url !== undefined && { Url: doc.url }),
    ...(doc.expectedPaymentDate !== undefined && {
      ExpectedPaymentDate: dayToMsDate(doc.expectedPaymentDate),
    }),
    AmountDue: amountDue.toNumber(),
    AmountPaid: doc.amountPaid.toNumber(),
    AmountCredited: 0,
    ...(doc.fullyPaidOnDate !== undefined && { FullyPaidOnDate: dayToMsDate(doc.fullyPaidOnDate) }),
    IsDiscounted: !doc.totalDiscount.isZero(),
    HasAttachments: false,
    HasErrors: false,
    Payments: [],
    CreditNotes: [],
    Prepayments: [],
    Overpayments: [],
  };
}
