import { ADDRESS_PARTS, type XeroContactField } from '../../sync/settings.js';

/**
 * The settings' vocabulary in the words the page shows: Xero contact fields (docs/vendors/xero.md
 * §8; `POBOX.AddressLine1` is "Postal address: line 1") and the ways of finding a contact.
 */
const TEXT_FIELDS: Record<string, string> = {
  Name: 'Name',
  ContactNumber: 'Contact number',
  FirstName: 'First name',
  LastName: 'Last name',
  EmailAddress: 'Email address',
  AccountNumber: 'Account number',
  TaxNumber: 'Tax number',
  CompanyNumber: 'Company number',
  Website: 'Website',
  'Phone.DEFAULT': 'Phone',
  'Phone.MOBILE': 'Mobile phone',
};
const ADDRESS_TYPES: Record<string, string> = { POBOX: 'Postal address', STREET: 'Street address' };
const PARTS: Record<(typeof ADDRESS_PARTS)[number], string> = {
  AddressLine1: 'line 1',
  AddressLine2: 'line 2',
  AddressLine3: 'line 3',
  AddressLine4: 'line 4',
  City: 'city',
  Region: 'region',
  PostalCode: 'postal code',
  Country: 'country',
  AttentionTo: 'attention to',
};

export function xeroContactFieldLabel(field: XeroContactField): string {
  const [type = '', part] = field.split('.');
  const address = ADDRESS_TYPES[type];
  if (address !== undefined && part !== undefined)
    return `${address}: ${PARTS[part as keyof typeof PARTS]}`;
  return TEXT_FIELDS[field] ?? field;
}

/** The match keys of contacts.matchOrder, as the settings' summary and pickers name them. */
export const MATCH_KEY_LABELS: Record<string, string> = {
  contact_number: 'contact number (the Pipedrive id)',
  name: 'name',
  email: 'email',
};
