import {
  ADDRESS_PARTS,
  CONTACT_TEXT_FIELDS,
  type FieldMapping,
  type Settings,
  type XeroContactField,
} from '../settings.js';
import { readField } from './contact-fields.js';
import {
  type FieldDefinitionInput,
  type NewContactDefaults,
  type OrganizationInput,
  type PersonInput,
  type XeroAddress,
  type XeroAddressPart,
  type XeroContactDraft,
} from './types.js';

/**
 * A Pipedrive organization or person → the Xero contact to create or update (docs/vendors/xero.md §8).
 *
 * ContactNumber is our external key: `PD-ORG-<id>` for an organization, `PD-PER-<id>` for a person
 * (Xero shows it as "Contact Code"; ≤ 50 characters). Matching looks it up first, so a renamed
 * customer is still found. A mapping onto ContactNumber replaces it.
 *
 * An organization contact takes the company field mappings from the organization, then the person
 * mappings from the deal's person for fields still empty (never Name/ContactNumber): a company's
 * email address is its contact person's.
 *
 * The customer number (AccountNumber) follows `contacts.customerNumber` when set: a chosen field
 * supplies it, or Xero's is kept and never sent (settings.ts).
 */

export interface ContactSource {
  kind: 'organization' | 'person';
  org?: OrganizationInput;
  person?: PersonInput;
  fieldDefinitions?: readonly FieldDefinitionInput[];
}

/** Xero's length limits (docs/vendors/xero.md §8); longer values are shortened rather than rejected by Xero. */
const LIMITS: Partial<Record<string, number>> = {
  Name: 255,
  FirstName: 255,
  LastName: 255,
  EmailAddress: 255,
  ContactNumber: 50,
  AccountNumber: 50,
  TaxNumber: 50,
  CompanyNumber: 50,
  Phone: 50,
  AddressLine1: 500,
  AddressLine2: 500,
  AddressLine3: 500,
  AddressLine4: 500,
  City: 255,
  Region: 255,
  PostalCode: 50,
  Country: 50,
  AttentionTo: 255,
};

export function contactNumberFor(kind: ContactSource['kind'], id: number): string {
  return `${kind === 'organization' ? 'PD-ORG' : 'PD-PER'}-${id}`;
}

/** Whether a contact code is one the app gives (contactNumberFor), of whichever record. */
export function isOwnContactNumber(value: string): boolean {
  return /^PD-(ORG|PER)-\d+$/.test(value);
}

export function normaliseName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

export function buildContact(source: ContactSource, settings: Settings): XeroContactDraft {
  const main = source.kind === 'organization' ? source.org : source.person;
  if (!main) throw new TypeError(`buildContact: ${source.kind} is missing`);
  const fields = new Map<XeroContactField, string>();
  const definitions = source.fieldDefinitions ?? [];
  const apply = (
    entity: object,
    mappings: readonly FieldMapping[],
    skip: readonly XeroContactField[],
  ) => {
    for (const { pipedriveField, xeroField } of mappings) {
      if (fields.has(xeroField) || skip.includes(xeroField)) continue;
      const value = readField(entity as Record<string, unknown>, pipedriveField, definitions);
      if (value !== undefined) fields.set(xeroField, value);
    }
  };
  const { companyFields, personFields, customerNumber } = settings.contacts;
  if (customerNumber?.from === 'pipedrive') {
    const number = readField(
      main as unknown as Record<string, unknown>,
      customerNumber.pipedriveField,
      definitions,
    );
    if (number !== undefined) fields.set('AccountNumber', number);
  }
  // Xero's customer number is kept: the draft never carries one.
  const keep: XeroContactField[] = customerNumber?.from === 'xero' ? ['AccountNumber'] : [];
  apply(main, source.kind === 'organization' ? companyFields : personFields, keep);
  if (source.kind === 'organization' && source.person)
    apply(source.person, personFields, ['Name', 'ContactNumber', ...keep]);

  const fallbackName =
    normaliseName(main.name) ||
    `${source.kind === 'organization' ? 'Organization' : 'Person'} ${main.id}`;
  const draft: XeroContactDraft = {
    Name: limit('Name', normaliseName(fields.get('Name') ?? '') || fallbackName),
    ContactNumber: limit(
      'ContactNumber',
      fields.get('ContactNumber') ?? contactNumberFor(source.kind, main.id),
    ),
  };
  for (const key of CONTACT_TEXT_FIELDS) {
    // Name and ContactNumber are set above, with their fallbacks.
    if (key === 'Name' || key === 'ContactNumber') continue;
    const value = fields.get(key);
    if (value !== undefined) draft[key] = limit(key, value);
  }
  const phones = (['DEFAULT', 'MOBILE'] as const).flatMap((type) => {
    const number = fields.get(`Phone.${type}`);
    return number === undefined ? [] : [{ PhoneType: type, PhoneNumber: limit('Phone', number) }];
  });
  if (phones.length > 0) draft.Phones = phones;
  const addresses = (['POBOX', 'STREET'] as const).flatMap((type) => address(type, fields));
  if (addresses.length > 0) draft.Addresses = addresses;
  return draft;
}

/** A draft as the app creates it: with the settings' defaults for new contacts (settings.ts). */
export function newContactDraft<T extends XeroContactDraft>(
  draft: T,
  settings: Settings,
): T & NewContactDefaults {
  const { defaultCurrency, salesAccountCode, taxType, paymentTerms } =
    settings.contacts.newContacts;
  return {
    ...draft,
    ...(defaultCurrency !== null && { DefaultCurrency: defaultCurrency }),
    ...(salesAccountCode !== null && { SalesDefaultAccountCode: salesAccountCode }),
    ...(taxType !== null && { AccountsReceivableTaxType: taxType }),
    ...(paymentTerms !== null && {
      PaymentTerms: { Sales: { Day: paymentTerms.day, Type: paymentTerms.type } },
    }),
  };
}

function address(
  type: XeroAddress['AddressType'],
  fields: Map<XeroContactField, string>,
): XeroAddress[] {
  const result: XeroAddress = { AddressType: type };
  let any = false;
  for (const part of ADDRESS_PARTS) {
    const value = fields.get(`${type}.${part}`);
    if (value === undefined) continue;
    result[part as XeroAddressPart] = limit(part, value);
    any = true;
  }
  return any ? [result] : [];
}

function limit(field: string, value: string): string {
  const max = LIMITS[field];
  return max !== undefined && value.length > max ? value.slice(0, max) : value;
}
