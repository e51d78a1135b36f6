/**
 * Hand-written minimal shapes of what the mapping reads (Pipedrive API v2, reference/pipedrive.md §3)
 * and what it writes (Xero request bodies, reference/xero.md §8–§11). Only the fields the mapping uses;
 * the generated Xero types live with the Xero client.
 */

export type TaxMethod = 'exclusive' | 'inclusive' | 'none';
export type DiscountType = 'percentage' | 'amount';
export type BillingFrequency =
  'one-time' | 'annually' | 'semi-annually' | 'quarterly' | 'monthly' | 'weekly';

/** `GET /api/v2/deals/{id}` (pipedrive.md §3.1). */
export interface PipedriveDeal {
  id: number;
  title: string;
  value: number;
  currency: string;
  pipeline_id: number;
  stage_id: number;
  org_id: number | null;
  person_id: number | null;
}

/** `GET /api/v2/deals/{id}/products` item (pipedrive.md §3.3). */
export interface PipedriveDealProduct {
  id: number;
  product_id: number;
  name: string;
  item_price: number;
  quantity: number;
  discount: number;
  discount_type: DiscountType;
  tax: number;
  tax_method: TaxMethod;
  comments: string;
  is_enabled: boolean;
  billing_frequency: BillingFrequency;
  billing_frequency_cycles: number | null;
  billing_start_date: string | null;
}

/** `GET /api/v2/deals/{id}/discounts` item (pipedrive.md §3.4). */
export interface PipedriveDealDiscount {
  id: string;
  description: string;
  amount: number;
  type: DiscountType;
}

/** `GET /api/v2/products/{id}` (pipedrive.md §3.5). */
export interface PipedriveProduct {
  id: number;
  name: string;
  code: string | null;
  description: string | null;
  tax: number;
  prices: { price: number; currency: string }[];
}

/** v2 address object (pipedrive.md §3.6); every subfield may be missing or null. */
export interface PipedriveAddress {
  value?: string | null;
  street_number?: string | null;
  route?: string | null;
  subpremise?: string | null;
  sublocality?: string | null;
  locality?: string | null;
  admin_area_level_1?: string | null;
  admin_area_level_2?: string | null;
  country?: string | null;
  postal_code?: string | null;
  formatted_address?: string | null;
}

export interface PipedriveOrganization {
  id: number;
  name: string;
  address?: PipedriveAddress | null;
  website?: string | null;
  custom_fields?: Record<string, unknown>;
}

export interface PipedriveContactInfo {
  value: string;
  primary: boolean;
  label: string;
}

export interface PipedrivePerson {
  id: number;
  name: string;
  first_name?: string | null;
  last_name?: string | null;
  emails?: PipedriveContactInfo[];
  phones?: PipedriveContactInfo[];
  org_id?: number | null;
  custom_fields?: Record<string, unknown>;
}

/** Field definition (v2 `organizationFields` / `personFields`), used to read address-type custom fields. */
export interface PipedriveFieldDefinition {
  field_code: string;
  field_name: string;
  field_type: string;
  options?: { id: number; label: string }[] | null;
}

// ---- Xero (requests) ----

export type InvoiceLineAmountTypes = 'Exclusive' | 'Inclusive' | 'NoTax';
export type QuoteLineAmountTypes = 'EXCLUSIVE' | 'INCLUSIVE' | 'NOTAX';

/** xero.md §10 LineItem, as we send it. */
export interface XeroLineItem {
  Description: string;
  Quantity: number;
  UnitAmount: number;
  AccountCode: string;
  TaxType: string;
  ItemCode?: string;
  DiscountRate?: number;
  DiscountAmount?: number;
  /** Only set when correcting a total (money.md B5). */
  TaxAmount?: number;
  Tracking?: { Name: string; Option: string }[];
}

interface XeroDocumentBase {
  Contact: { ContactID: string };
  Date: string;
  Reference: string;
  CurrencyCode: string;
  LineItems: XeroLineItem[];
  Status: 'DRAFT';
  BrandingThemeID?: string;
}

export interface XeroInvoiceDraft extends XeroDocumentBase {
  Type: 'ACCREC';
  DueDate: string;
  LineAmountTypes: InvoiceLineAmountTypes;
  Url: string;
}

export interface XeroQuoteDraft extends XeroDocumentBase {
  ExpiryDate: string;
  LineAmountTypes: QuoteLineAmountTypes;
  Title?: string;
  Summary?: string;
  Terms?: string;
}

/** Xero item as read (`GET /Items`, xero.md §9). */
export interface XeroItem {
  Code: string;
  Name?: string;
  SalesDetails?: { UnitPrice?: number; AccountCode?: string; TaxType?: string };
}

export interface XeroItemDraft {
  Code: string;
  Name: string;
  Description?: string;
  IsSold: true;
  SalesDetails: { UnitPrice?: number; AccountCode: string; TaxType?: string };
}

export interface XeroTaxRate {
  TaxType: string;
  Name?: string;
  /** Effective rate in percent, e.g. 15. */
  rate: number;
  Status: string;
  CanApplyToRevenue: boolean;
}

export interface XeroAccount {
  Code: string;
  Name?: string;
  Status: string;
  SystemAccount?: string | null;
}

export type XeroAddressType = 'POBOX' | 'STREET';
export const ADDRESS_PARTS = [
  'AddressLine1',
  'AddressLine2',
  'AddressLine3',
  'AddressLine4',
  'City',
  'Region',
  'PostalCode',
  'Country',
  'AttentionTo',
] as const;
export type XeroAddressPart = (typeof ADDRESS_PARTS)[number];
export type XeroAddress = { AddressType: XeroAddressType } & Partial<
  Record<XeroAddressPart, string>
>;

/** xero.md §8, as we send it. */
export interface XeroContactDraft {
  Name: string;
  ContactNumber: string;
  FirstName?: string;
  LastName?: string;
  EmailAddress?: string;
  AccountNumber?: string;
  TaxNumber?: string;
  CompanyNumber?: string;
  Website?: string;
  Phones?: { PhoneType: 'DEFAULT' | 'MOBILE'; PhoneNumber: string }[];
  Addresses?: XeroAddress[];
}

/** A Xero contact found while matching (`GET /Contacts?where=…`). */
export interface XeroContactCandidate {
  ContactID: string;
  Name: string;
  ContactNumber?: string | null;
  EmailAddress?: string | null;
  ContactStatus: 'ACTIVE' | 'ARCHIVED' | 'GDPRREQUEST';
}
