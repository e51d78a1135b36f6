import type { FastifyInstance } from 'fastify';

import type { XeroBooks } from './books.js';
import { msDate } from './format.js';
import {
  booksOf,
  elementsOf,
  listQueryOf,
  queryOf,
  sendBatch,
  sendList,
  sendPostDataInvalid,
} from './http.js';
import { listRecords } from './listing.js';
import type { Books } from './model.js';
import { optionalString } from './validate.js';

/** Read-only reference data (docs/vendors/xero.md §12); unpaged, with `where`/`order`. PUT /Currencies adds one. */

function organisationView(books: Books): Record<string, unknown> {
  const org = books.organisation;
  return {
    OrganisationID: org.OrganisationID,
    APIKey: '',
    Name: org.Name,
    LegalName: org.LegalName,
    PaysTax: true,
    Version: org.Version,
    OrganisationType: 'COMPANY',
    BaseCurrency: org.BaseCurrency,
    CountryCode: org.CountryCode,
    IsDemoCompany: false,
    OrganisationStatus: 'ACTIVE',
    FinancialYearEndDay: 31,
    FinancialYearEndMonth: 3,
    SalesTaxBasis: org.CountryCode === 'NZ' ? 'INVOICE' : 'ACCRUALS',
    SalesTaxPeriod: org.CountryCode === 'NZ' ? 'TWOMONTHS' : 'QUARTERLY1',
    DefaultSalesTax: 'Tax Exclusive',
    DefaultPurchasesTax: 'Tax Exclusive',
    CreatedDateUTC: msDate(org.createdMs),
    OrganisationEntityType: 'COMPANY',
    Timezone: org.Timezone,
    ShortCode: org.ShortCode,
    Edition: 'BUSINESS',
    Class: 'STANDARD',
    Addresses: [],
    Phones: [],
    ExternalLinks: [],
    PaymentTerms: {},
  };
}

const referenceLists: Record<string, (books: Books, nowMs: number) => Record<string, unknown>[]> = {
  Accounts: (books, nowMs) =>
    books.accounts.map((account) => ({
      ...account,
      HasAttachments: false,
      UpdatedDateUTC: msDate(nowMs),
    })),
  TaxRates: (books) =>
    books.taxRates.map(({ Rate, ...rate }) => ({
      ...rate,
      TaxComponents: [{ Name: rate.Name, Rate, IsCompound: false, IsNonRecoverable: false }],
      CanApplyToAssets: true,
      CanApplyToEquity: true,
      CanApplyToLiabilities: true,
      DisplayTaxRate: Rate,
      EffectiveRate: Rate,
    })),
  Currencies: (books) => books.currencies.map((currency) => ({ ...currency })),
  BrandingThemes: (books, nowMs) =>
    books.brandingThemes.map((theme) => ({
      ...theme,
      Type: 'INVOICE',
      CreatedDateUTC: msDate(nowMs),
    })),
  TrackingCategories: (books) =>
    books.trackingCategories.map((category) => ({
      ...category,
      Status: 'ACTIVE',
      Options: category.Options.map((option) => ({ ...option, Status: 'ACTIVE' })),
    })),
};

const CURRENCY_NAMES: Record<string, string> = {
  EUR: 'Euro',
  GBP: 'British Pound',
  USD: 'United States Dollar',
  AUD: 'Australian Dollar',
  NZD: 'New Zealand Dollar',
};

export function registerReferenceRoutes(scope: FastifyInstance, books: XeroBooks): void {
  scope.get('/Organisation', async (request, reply) =>
    sendList(books, request, reply, { Organisations: [organisationView(booksOf(books, request))] }),
  );
  for (const [collection, build] of Object.entries(referenceLists)) {
    scope.get(`/${collection}`, async (request, reply) => {
      const rows = build(booksOf(books, request), books.now()).map((view) => ({
        record: view,
        view,
      }));
      const listed = listRecords(
        rows,
        listQueryOf(request, queryOf(request)),
        collection.replace(/(ies|s)$/, ''),
      );
      return sendList(books, request, reply, { [collection]: listed.rows.map((row) => row.view) });
    });
  }
  scope.put('/Currencies', async (request, reply) => {
    const tenant = booksOf(books, request);
    const elements = elementsOf(request.body, 'Currencies');
    if (!elements) return sendPostDataInvalid(reply, 'Currencies');
    const results = elements.map((input) => {
      const code = optionalString(input, 'Code')?.toUpperCase() ?? '';
      if (!/^[A-Z]{3}$/.test(code))
        return { ok: false as const, input, errors: [`Currency code '${code}' is not valid.`] };
      const record = {
        Code: code,
        Description: optionalString(input, 'Description') ?? CURRENCY_NAMES[code] ?? code,
      };
      if (!tenant.currencies.some((currency) => currency.Code === code))
        tenant.currencies.push(record);
      return { ok: true as const, view: record };
    });
    return sendBatch(books, request, reply, 'Currencies', results, undefined);
  });
}
