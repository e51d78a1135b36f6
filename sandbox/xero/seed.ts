import { stableId } from './accounting/format.js';
import type {
  AccountRecord,
  BrandingThemeRecord,
  ContactFields,
  CurrencyRecord,
  ItemDetails,
  TaxRateRecord,
  TrackingCategoryRecord,
} from './accounting/model.js';

/** The Xero sandbox's demo organisations (docs/helpers/DEMO.md). Fixed ids so tests can name them. */
export const DEMO_TENANT_A = '6f1d2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b';
export const DEMO_TENANT_B = '7a2e3b4c-5d6e-4f70-9b8c-0d1e2f3a4b5c';
export const OTHER_TENANT = '8b3f4c5d-6e7f-4081-ac9d-1e2f3a4b5c6d';

export interface ContactSeed extends Partial<ContactFields> {
  Name: string;
  IsSupplier?: boolean;
}

export interface ContactGroupSeed {
  Name: string;
  Status: 'ACTIVE' | 'DELETED';
}

/** A seeded contact group's ContactGroupID, stable like every seed id. */
export const contactGroupIdOf = (tenantId: string, name: string): string =>
  stableId(tenantId, 'contact-group', name);

/** The demo organisation's groups (DEMO_TENANT_A): one in use, one deleted. */
export const DEMO_CONTACT_GROUPS = {
  active: contactGroupIdOf(DEMO_TENANT_A, 'Pipedrive customers'),
  deleted: contactGroupIdOf(DEMO_TENANT_A, 'Old prospects'),
};

export interface ItemSeed {
  Code: string;
  Name: string;
  Description: string;
  SalesDetails: ItemDetails;
}

export interface OrganisationSeed {
  tenantId: string;
  Name: string;
  LegalName: string;
  ShortCode: string;
  BaseCurrency: string;
  CountryCode: 'NZ' | 'AU';
  Version: 'NZ' | 'AU';
  Timezone: string;
  ianaTimezone: string;
  currencies: CurrencyRecord[];
  taxRates: TaxRateRecord[];
  accounts: AccountRecord[];
  brandingThemes: BrandingThemeRecord[];
  trackingCategories: TrackingCategoryRecord[];
  contacts: ContactSeed[];
  contactGroups: ContactGroupSeed[];
  items: ItemSeed[];
}

const CURRENCY_NAMES: Record<string, string> = {
  NZD: 'New Zealand Dollar',
  AUD: 'Australian Dollar',
  USD: 'United States Dollar',
};
const currencies = (...codes: string[]) =>
  codes.map((Code) => ({ Code, Description: CURRENCY_NAMES[Code] ?? Code }));

const rate = (
  TaxType: string,
  Name: string,
  Rate: number,
  ReportTaxType: string,
  use: 'revenue' | 'expenses' | 'both',
  Status: TaxRateRecord['Status'] = 'ACTIVE',
): TaxRateRecord => ({
  TaxType,
  Name,
  Rate,
  ReportTaxType,
  Status,
  CanApplyToRevenue: use !== 'expenses',
  CanApplyToExpenses: use !== 'revenue',
});

// DEMO.md: NZ GST set, a custom 9 % rate and one DELETED rate.
const NZ_TAX_RATES = [
  rate('OUTPUT2', '15% GST on Income', 15, 'OUTPUT', 'revenue'),
  rate('INPUT2', '15% GST on Expenses', 15, 'INPUT', 'expenses'),
  rate('NONE', 'No GST', 0, 'NONE', 'both'),
  rate('ZERORATED', 'Zero Rated', 0, 'ZERORATEDOUTPUT', 'revenue'),
  rate('EXEMPTOUTPUT', 'Exempt Sales', 0, 'EXEMPTOUTPUT', 'revenue'),
  rate('TAX001', 'Sales Tax 9%', 9, 'OUTPUT', 'revenue'),
  rate('GSTONIMPORTS', 'GST on Imports (old)', 15, 'GSTONIMPORTS', 'expenses', 'DELETED'),
];
const AU_TAX_RATES = [
  rate('OUTPUT', 'GST on Income', 10, 'OUTPUT', 'revenue'),
  rate('INPUT', 'GST on Expenses', 10, 'INPUT', 'expenses'),
  rate('EXEMPTOUTPUT', 'GST Free Income', 0, 'EXEMPTOUTPUT', 'revenue'),
  rate('BASEXCLUDED', 'BAS Excluded', 0, 'BASEXCLUDED', 'both'),
];

function accounts(tenantId: string, salesTax: string): AccountRecord[] {
  const account = (
    Code: string,
    Name: string,
    Type: string,
    Class: AccountRecord['Class'],
    TaxType: string,
    extra: Partial<AccountRecord> = {},
  ): AccountRecord => ({
    AccountID: stableId(tenantId, 'account', Code),
    Code,
    Name,
    Type,
    Class,
    TaxType,
    Status: 'ACTIVE',
    EnablePaymentsToAccount: false,
    ...extra,
  });
  return [
    account('090', 'Business Bank Account', 'BANK', 'ASSET', 'NONE', {
      BankAccountNumber: '0210-0000-1234567-00',
    }),
    account('200', 'Sales', 'REVENUE', 'REVENUE', salesTax),
    account('205', 'Old Sales', 'REVENUE', 'REVENUE', salesTax, { Status: 'ARCHIVED' }),
    account('260', 'Other Revenue', 'REVENUE', 'REVENUE', salesTax),
    account('270', 'Interest Income', 'REVENUE', 'REVENUE', 'NONE'),
    account(
      '310',
      'Cost of Goods Sold',
      'DIRECTCOSTS',
      'EXPENSE',
      salesTax === 'OUTPUT2' ? 'INPUT2' : 'INPUT',
    ),
    account(
      '400',
      'Advertising',
      'EXPENSE',
      'EXPENSE',
      salesTax === 'OUTPUT2' ? 'INPUT2' : 'INPUT',
    ),
    account('610', 'Accounts Receivable', 'CURRENT', 'ASSET', 'NONE', { SystemAccount: 'DEBTORS' }),
    account('860', 'Rounding', 'CURRLIAB', 'LIABILITY', 'NONE', { SystemAccount: 'ROUNDING' }),
  ];
}

function reference(tenantId: string) {
  return {
    brandingThemes: [
      { BrandingThemeID: stableId(tenantId, 'theme', 'Standard'), Name: 'Standard', SortOrder: 0 },
      {
        BrandingThemeID: stableId(tenantId, 'theme', 'Special Projects'),
        Name: 'Special Projects',
        SortOrder: 1,
      },
    ],
    trackingCategories: [
      {
        TrackingCategoryID: stableId(tenantId, 'tracking', 'Region'),
        Name: 'Region',
        Options: ['North', 'South'].map((Name) => ({
          TrackingOptionID: stableId(tenantId, 'tracking', 'Region', Name),
          Name,
        })),
      },
    ],
  };
}

const nzAddress = (line: string, city: string, region: string, postcode: string) => [
  {
    AddressType: 'POBOX' as const,
    AddressLine1: line,
    City: city,
    Region: region,
    PostalCode: postcode,
    Country: 'New Zealand',
  },
];

const item = (Code: string, Name: string, UnitPrice: number): ItemSeed => ({
  Code,
  Name,
  Description: Name,
  SalesDetails: { UnitPrice, AccountCode: '200', TaxType: 'OUTPUT2' },
});

/**
 * A New Zealand organisation with the reference data every sandbox organisation has (NZ GST rates,
 * the chart of accounts, branding themes, a "Region" tracking category) and no contacts or items.
 */
export function nzOrganisation(input: {
  tenantId: string;
  Name: string;
  LegalName?: string;
  ShortCode: string;
  currencies: string[];
}): OrganisationSeed {
  return {
    tenantId: input.tenantId,
    Name: input.Name,
    LegalName: input.LegalName ?? input.Name,
    ShortCode: input.ShortCode,
    BaseCurrency: 'NZD',
    CountryCode: 'NZ',
    Version: 'NZ',
    Timezone: 'NEWZEALANDSTANDARDTIME',
    ianaTimezone: 'Pacific/Auckland',
    currencies: currencies(...input.currencies),
    taxRates: NZ_TAX_RATES,
    accounts: accounts(input.tenantId, 'OUTPUT2'),
    ...reference(input.tenantId),
    contacts: [],
    contactGroups: [],
    items: [],
  };
}

export function demoOrganisations(): OrganisationSeed[] {
  return [
    {
      ...nzOrganisation({
        tenantId: DEMO_TENANT_A,
        Name: 'Kauri Coast Trading Ltd',
        LegalName: 'Kauri Coast Trading Limited',
        ShortCode: '!kCt7Q',
        currencies: ['NZD', 'AUD', 'USD'],
      }),
      contacts: [
        {
          Name: 'Kauri Digital Ltd',
          EmailAddress: 'accounts@kauridigital.example',
          Addresses: nzAddress('12 Quay Street', 'Auckland', 'Auckland', '1010'),
        },
        {
          Name: 'Harbour Freight Co',
          ContactStatus: 'ARCHIVED',
          Addresses: nzAddress('4 Wharf Road', 'Tauranga', 'Bay of Plenty', '3110'),
        },
        {
          Name: 'Tui Analytics',
          ContactNumber: 'PD-ORG-3',
          Addresses: nzAddress('88 Cuba Street', 'Wellington', 'Wellington', '6011'),
        },
        { Name: 'Cash Sales' },
        { Name: 'Tasman Supplies', IsSupplier: true },
      ],
      contactGroups: [
        { Name: 'Pipedrive customers', Status: 'ACTIVE' },
        { Name: 'Old prospects', Status: 'DELETED' },
      ],
      items: [
        item('CONS-HR', 'Consulting hour', 180),
        item('IMPL-PKG', 'Implementation package', 4500),
        item('LIC-STD', 'Standard licence', 1200),
        item('TRAIN-DAY', 'Training day', 1450),
        item('GEN-SVC', 'General services', 0),
      ],
    },
    {
      ...nzOrganisation({
        tenantId: DEMO_TENANT_B,
        Name: 'Kauri Coast Wholesale Ltd',
        LegalName: 'Kauri Coast Wholesale Limited',
        ShortCode: '!wHs3L',
        currencies: ['NZD'],
      }),
      contacts: [{ Name: 'Wholesale Walk-in Customer' }],
      items: [item('CONS-HR', 'Consulting hour (wholesale)', 165)],
    },
    {
      tenantId: OTHER_TENANT,
      Name: 'Other Co (AU)',
      LegalName: 'Other Co Pty Ltd',
      ShortCode: '!oTh9A',
      BaseCurrency: 'AUD',
      CountryCode: 'AU',
      Version: 'AU',
      Timezone: 'AUSEASTERNSTANDARDTIME',
      ianaTimezone: 'Australia/Sydney',
      currencies: currencies('AUD'),
      taxRates: AU_TAX_RATES,
      accounts: accounts(OTHER_TENANT, 'OUTPUT'),
      ...reference(OTHER_TENANT),
      contacts: [{ Name: 'Other Co Customer' }],
      contactGroups: [],
      items: [],
    },
  ];
}
