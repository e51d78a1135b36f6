import type { Amount, TaxMode } from './totals.js';

/** What the books store per organisation. Views (views.ts) turn records into Xero's JSON. */

export interface AccountRecord {
  AccountID: string;
  Code: string;
  Name: string;
  Type: string;
  Status: 'ACTIVE' | 'ARCHIVED' | 'DELETED';
  TaxType: string;
  Class: 'ASSET' | 'EQUITY' | 'EXPENSE' | 'LIABILITY' | 'REVENUE';
  SystemAccount?: string;
  EnablePaymentsToAccount: boolean;
  BankAccountNumber?: string;
}

export interface TaxRateRecord {
  Name: string;
  TaxType: string;
  ReportTaxType: string;
  Status: 'ACTIVE' | 'DELETED' | 'ARCHIVED';
  Rate: number;
  CanApplyToRevenue: boolean;
  CanApplyToExpenses: boolean;
}

export interface CurrencyRecord {
  Code: string;
  Description: string;
}

export interface BrandingThemeRecord {
  BrandingThemeID: string;
  Name: string;
  SortOrder: number;
}

export interface TrackingCategoryRecord {
  TrackingCategoryID: string;
  Name: string;
  Options: { TrackingOptionID: string; Name: string }[];
}

export interface AddressRecord {
  AddressType: 'POBOX' | 'STREET';
  AddressLine1?: string;
  AddressLine2?: string;
  AddressLine3?: string;
  AddressLine4?: string;
  City?: string;
  Region?: string;
  PostalCode?: string;
  Country?: string;
  AttentionTo?: string;
}

export interface PhoneRecord {
  PhoneType: 'DEFAULT' | 'DDI' | 'MOBILE' | 'FAX' | 'OFFICE';
  PhoneNumber?: string;
  PhoneAreaCode?: string;
  PhoneCountryCode?: string;
}

/** Contact fields a client may write (docs/vendors/xero.md §8); IsCustomer/IsSupplier are read-only. */
export interface ContactFields {
  ContactNumber?: string;
  AccountNumber?: string;
  ContactStatus: 'ACTIVE' | 'ARCHIVED' | 'GDPRREQUEST';
  Name: string;
  FirstName?: string;
  LastName?: string;
  EmailAddress?: string;
  CompanyNumber?: string;
  TaxNumber?: string;
  DefaultCurrency?: string;
  SalesDefaultAccountCode?: string;
  AccountsReceivableTaxType?: string;
  PaymentTerms?: { Sales?: { Day: number; Type: string } };
  ContactPersons: {
    FirstName?: string;
    LastName?: string;
    EmailAddress?: string;
    IncludeInEmails?: boolean;
  }[];
  Addresses: AddressRecord[];
  Phones: PhoneRecord[];
}

export interface ContactRecord extends ContactFields {
  ContactID: string;
  IsCustomer: boolean;
  IsSupplier: boolean;
  updatedMs: number;
}

/** A contact group (docs/vendors/xero.md §8.1): DELETED is how Xero deletes one. */
export interface ContactGroupRecord {
  ContactGroupID: string;
  Name: string;
  Status: 'ACTIVE' | 'DELETED';
  /** Member ContactIDs, in the order they were added. */
  contactIds: string[];
}

export interface ItemDetails {
  UnitPrice?: number;
  AccountCode?: string;
  TaxType?: string;
}

export interface ItemRecord {
  ItemID: string;
  Code: string;
  Name?: string;
  Description?: string;
  PurchaseDescription?: string;
  IsSold: boolean;
  IsPurchased: boolean;
  SalesDetails?: ItemDetails;
  PurchaseDetails?: ItemDetails;
  updatedMs: number;
}

export interface LineRecord {
  LineItemID: string;
  Description?: string;
  ItemCode?: string;
  ItemID?: string;
  ItemName?: string;
  AccountCode?: string;
  AccountID?: string;
  TaxType?: string;
  DiscountRate?: number;
  DiscountAmount?: number;
  Tracking: {
    TrackingCategoryID: string;
    Name: string;
    Option: string;
    TrackingOptionID: string;
  }[];
  quantity: Amount;
  unitAmount: Amount;
  lineAmount: Amount;
  taxAmount: Amount;
  discount: Amount;
}

export type DocumentKind = 'invoice' | 'quote';

export interface DocumentRecord {
  kind: DocumentKind;
  id: string;
  number: string;
  /** ACCREC / ACCPAY for invoices; quotes are always sales. */
  type: string;
  contactId: string;
  status: string;
  date: string;
  /** DueDate for invoices, ExpiryDate for quotes. */
  dueDate?: string;
  lineAmountTypes: TaxMode;
  reference?: string;
  url?: string;
  brandingThemeId?: string;
  currencyCode: string;
  currencyRate: number;
  title?: string;
  summary?: string;
  terms?: string;
  expectedPaymentDate?: string;
  unitDp: 2 | 4;
  lines: LineRecord[];
  subTotal: Amount;
  totalTax: Amount;
  total: Amount;
  totalDiscount: Amount;
  amountPaid: Amount;
  fullyPaidOnDate?: string;
  createdByClientId?: string;
  createdMs: number;
  updatedMs: number;
}

export interface HistoryEntry {
  atMs: number;
  Changes: string;
  User: string;
  Details: string;
}

export interface OrganisationRecord {
  OrganisationID: string;
  Name: string;
  LegalName: string;
  ShortCode: string;
  BaseCurrency: string;
  CountryCode: string;
  Version: string;
  /** Xero's Windows-style zone name, and the IANA zone used to compute "today". */
  Timezone: string;
  ianaTimezone: string;
  createdMs: number;
}

export interface Books {
  tenantId: string;
  organisation: OrganisationRecord;
  accounts: AccountRecord[];
  taxRates: TaxRateRecord[];
  currencies: CurrencyRecord[];
  brandingThemes: BrandingThemeRecord[];
  trackingCategories: TrackingCategoryRecord[];
  contacts: Map<string, ContactRecord>;
  contactGroups: ContactGroupRecord[];
  items: Map<string, ItemRecord>;
  documents: Map<string, DocumentRecord>;
  history: Map<string, HistoryEntry[]>;
  counters: { invoice: number; quote: number };
}
