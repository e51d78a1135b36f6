import type { DocumentKind, LineAmountTypesOf } from '../document-kinds.js';
import type { ADDRESS_PARTS, Settings } from '../settings.js';

/**
 * What the mapping reads and what it writes, named for what they are. Inputs (`…Input`, `Org…`)
 * hold only the fields the mapping uses, with Pipedrive's field names (API v2,
 * docs/vendors/pipedrive.md §3): the use cases pass the client's wire objects (pipedrive/types.ts),
 * which fit them, and turn Xero's generated shapes into the `Org…` ones
 * (usecases/load-org-reference.ts). Outputs are Xero request bodies as we send them
 * (docs/vendors/xero.md §8–§11).
 */

export type TaxMethod = 'exclusive' | 'inclusive' | 'none';
export type DiscountType = 'percentage' | 'amount';

/** A deal (`GET /api/v2/deals/{id}`, docs/vendors/pipedrive.md §3.1). */
export interface DealInput {
  id: number;
  title: string;
  value: number;
  currency: string;
  pipeline_id: number;
  stage_id: number;
  org_id: number | null;
  person_id: number | null;
  /** v2 `custom_fields` by 40-hex key, for document templates (reference.ts). */
  custom_fields?: Record<string, unknown>;
}

/** One product line of a deal (`GET /api/v2/deals/{id}/products`, docs/vendors/pipedrive.md §3.3). */
export interface DealProductInput {
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
  /** 'one-time', 'monthly', 'annually', …: anything but 'one-time' repeats (amounts.ts isOneTime). */
  billing_frequency: string;
  billing_frequency_cycles: number | null;
  billing_start_date: string | null;
}

/** A deal-level discount (`GET /api/v2/deals/{id}/discounts`, docs/vendors/pipedrive.md §3.4). */
export interface DealDiscountInput {
  id: string;
  description: string;
  amount: number;
  type: DiscountType;
}

/** A catalogue product (`GET /api/v2/products/{id}`, docs/vendors/pipedrive.md §3.5). */
export interface ProductInput {
  id: number;
  name: string;
  code: string | null;
  description: string | null;
  tax: number;
  prices: { price: number; currency: string }[];
  /** v2 `custom_fields` by 40-hex key (a custom field may name the product's Xero item). */
  custom_fields?: Record<string, unknown>;
}

/**
 * An address (v2 address object, docs/vendors/pipedrive.md §3.6); every subfield may be missing
 * or null. The same fields as the client's PipedriveAddress: the mapping names what it reads and
 * imports nothing of the client, and the client's object fits this one.
 */
export interface AddressInput {
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

/** An organization (docs/vendors/pipedrive.md §3.6). */
export interface OrganizationInput {
  id: number;
  name: string;
  address?: AddressInput | null;
  website?: string | null;
  custom_fields?: Record<string, unknown>;
}

/** One email address or phone number of a person. */
export interface ContactInfoInput {
  value: string;
  primary: boolean;
  label: string;
}

/** A person (docs/vendors/pipedrive.md §3.7). */
export interface PersonInput {
  id: number;
  name: string;
  first_name?: string | null;
  last_name?: string | null;
  emails?: ContactInfoInput[];
  phones?: ContactInfoInput[];
  org_id?: number | null;
  custom_fields?: Record<string, unknown>;
}

/** A field definition (v2 `organizationFields` / `personFields`), to read custom fields' option labels. */
export interface FieldDefinitionInput {
  field_code: string;
  field_name: string;
  field_type: string;
  options?: { id: number; label: string }[] | null;
}

/** What the organisation offers a document: its currencies, tax rates and accounts. */
export interface OrgFacts {
  name?: string;
  baseCurrency: string;
  enabledCurrencies: readonly string[];
  taxRates: readonly OrgTaxRate[];
  accounts: readonly OrgAccount[];
  /** Code of the account with SystemAccount ROUNDING, when the caller found it apart from `accounts`. */
  roundingAccountCode?: string;
}

export interface DocumentInput {
  kind: DocumentKind;
  deal: DealInput;
  dealProducts: readonly DealProductInput[];
  dealDiscounts: readonly DealDiscountInput[];
  contactId: string;
  /** productId → the Xero item for it, or null when none exists (policy decides). */
  items: ReadonlyMap<number, OrgItem | null>;
  settings: Settings;
  org: OrgFacts;
  /** Document date, `YYYY-MM-DD` in the organisation's timezone. */
  today: string;
  dealUrl: string;
  /** Which trigger made this document (e.g. `stage-7`, `won`); part of the Reference key. */
  triggerKey: string;
  /** The deal's Pipedrive organization and person, for document templates (reference.ts). */
  customer?: {
    organization?: OrganizationInput | undefined;
    person?: PersonInput | undefined;
    fieldDefinitions?: readonly FieldDefinitionInput[];
  };
}

// ---- Xero (requests) ----

/** docs/vendors/xero.md §10 LineItem, as we send it. */
export interface XeroLineItem {
  Description: string;
  Quantity: number;
  UnitAmount: number;
  AccountCode: string;
  TaxType: string;
  ItemCode?: string;
  DiscountRate?: number;
  DiscountAmount?: number;
  /** Only set when correcting a total (docs/vendors/money.md B5). */
  TaxAmount?: number;
  Tracking?: { Name: string; Option: string }[];
}

/** What every kind of draft document has. */
export interface XeroDocumentBase {
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
  LineAmountTypes: LineAmountTypesOf<'invoice'>;
  Url: string;
}

export interface XeroQuoteDraft extends XeroDocumentBase {
  ExpiryDate: string;
  LineAmountTypes: LineAmountTypesOf<'quote'>;
  Title?: string;
  Summary?: string;
  Terms?: string;
}

/** The draft of each kind of document: a kind missing here does not compile (document-kinds.ts). */
export interface XeroDraftOf {
  invoice: XeroInvoiceDraft;
  quote: XeroQuoteDraft;
}
export type XeroDocumentDraft = XeroDraftOf[DocumentKind];

/** An item of the Xero organisation, as a line uses it (`GET /Items`, docs/vendors/xero.md §9). */
export interface OrgItem {
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

/** A tax rate of the Xero organisation (docs/vendors/xero.md §12). */
export interface OrgTaxRate {
  TaxType: string;
  Name?: string;
  /** Effective rate in percent, e.g. 15. */
  rate: number;
  Status: string;
  CanApplyToRevenue: boolean;
}

/** An account of the Xero organisation (docs/vendors/xero.md §12). */
export interface OrgAccount {
  Code: string;
  Name?: string;
  Status: string;
  SystemAccount?: string | null;
}

export type XeroAddressType = 'POBOX' | 'STREET';
export type XeroAddressPart = (typeof ADDRESS_PARTS)[number];
export type XeroAddress = { AddressType: XeroAddressType } & Partial<
  Record<XeroAddressPart, string>
>;

/** docs/vendors/xero.md §8, as we send it. */
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

/** What a contact the app creates carries besides its draft (mapping/contact.ts newContactDraft). */
export interface NewContactDefaults {
  DefaultCurrency?: string;
  SalesDefaultAccountCode?: string;
  AccountsReceivableTaxType?: string;
  PaymentTerms?: { Sales: { Day: number; Type: string } };
}

/** A Xero contact found while matching (`GET /Contacts?where=…`). */
export interface XeroContactCandidate {
  ContactID: string;
  Name: string;
  ContactNumber?: string | null;
  EmailAddress?: string | null;
  AccountNumber?: string | null;
  TaxNumber?: string | null;
  CompanyNumber?: string | null;
  ContactStatus: 'ACTIVE' | 'ARCHIVED' | 'GDPRREQUEST';
}
