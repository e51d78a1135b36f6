import createClient from 'openapi-fetch';

import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import { XeroApiError } from './errors.js';
import type { paths } from './generated/accounting.js';
import { createXeroOAuth, type XeroIdentityUrls, type XeroOAuth } from './oauth.js';
import { createTenantLimiter, type XeroTenantLimiter } from './rate-limiter.js';
import { toWriteResult, type XeroWriteResult } from './results.js';
import { XeroTokenManager, type XeroTokenPort } from './token-manager.js';
import { createTransport, type TransportDeps } from './transport.js';
import type {
  XeroAccount,
  XeroBrandingTheme,
  XeroContact,
  XeroCurrency,
  XeroInvoice,
  XeroItem,
  XeroOrganisation,
  XeroPagination,
  XeroQuote,
  XeroTaxRate,
  XeroTenantRef,
  XeroTrackingCategory,
  XeroWriteOptions,
} from './types.js';

/** The app's Xero client: every call the integration makes, typed from Xero's spec (xero.md §2–§12). */
export interface XeroClientDeps {
  /** Xero: login.xero.com, identity.xero.com, api.xero.com, api.xero.com/api.xro/2.0. */
  baseUrls: XeroIdentityUrls & { accounting: string };
  clientId: string;
  clientSecret: string;
  /** Default: global fetch. */
  fetch?: typeof fetch;
  clock: Clock;
  tokens: XeroTokenPort;
  /** Default: in-process, 5 concurrent and 60/min per tenant (xero.md §7). */
  limiter?: XeroTenantLimiter;
  logger?: Logger;
  /** Transport tuning; each option documents its default in transport.ts. */
  transport?: Pick<TransportDeps, 'maxRateLimitWaitMs' | 'maxRateLimitRetries' | 'timeoutMs'>;
}

export type XeroContactQuery = (
  { contactNumber: string } | { name: string } | { emailAddress: string }
) & { includeArchived?: boolean };

/** Keys to look contacts up by; a contact matching any of them is returned. */
export interface XeroContactKeys {
  contactIds?: readonly string[];
  contactNumbers?: readonly string[];
  names?: readonly string[];
  emailAddresses?: readonly string[];
}

export type XeroDocumentRef = { kind: 'invoice' | 'quote'; id: string };

/** Quotes come 100 to a page with no pageSize (xero.md §11). */
const QUOTE_PAGE_SIZE = 100;
/** Contacts come 100 to a page (xero.md §5). */
const CONTACT_PAGE_SIZE = 100;
/**
 * Longest `where` sent in one GET (before encoding, which adds about a third for quotes and spaces),
 * so the query string stays near 2 KB, the smallest server default for it in common use (IIS).
 */
const WHERE_MAX_CHARS = 1500;
/** Codes per `where` on GET /Items, to keep URLs short. */
const ITEM_CODES_PER_CALL = 25;

export function createXeroClient(deps: XeroClientDeps) {
  const oauth: XeroOAuth = createXeroOAuth({
    baseUrls: deps.baseUrls,
    clientId: deps.clientId,
    clientSecret: deps.clientSecret,
    clock: deps.clock,
    ...(deps.fetch && { fetch: deps.fetch }),
  });
  const tokens = new XeroTokenManager({
    oauth,
    tokens: deps.tokens,
    clock: deps.clock,
    ...(deps.logger && { logger: deps.logger }),
  });
  const limiter = deps.limiter ?? createTenantLimiter({ clock: deps.clock });
  const call = createTransport({
    tokens,
    limiter,
    clock: deps.clock,
    ...(deps.logger && { logger: deps.logger }),
    ...deps.transport,
  });
  const api = createClient<paths>({
    baseUrl: deps.baseUrls.accounting.replace(/\/+$/, ''),
    ...(deps.fetch && { fetch: deps.fetch }),
    // Xero takes lists comma-joined: IDs=a,b (xero.md §15).
    querySerializer: { array: { style: 'form', explode: false } },
  });
  // xero.md §4: always ask for per-element results; §16.3: unit amounts to 4 dp on invoices/items.
  const perElement = { summarizeErrors: false } as const;
  const keyed = (ref: XeroTenantRef, options: XeroWriteOptions) => ({
    'xero-tenant-id': ref.tenantId,
    'Idempotency-Key': checkedKey(options.idempotencyKey),
  });
  const orUndefinedOn404 = async <T>(promise: Promise<T>): Promise<T | undefined> => {
    try {
      return await promise;
    } catch (error) {
      if (error instanceof XeroApiError && error.code === 'xero_not_found') return undefined;
      throw error;
    }
  };

  async function getInvoices(
    ref: XeroTenantRef,
    query: NonNullable<paths['/Invoices']['get']['parameters']['query']>,
  ): Promise<{ invoices: XeroInvoice[]; pagination?: XeroPagination }> {
    const data = await call(ref, 'GET', '/Invoices', (init) =>
      api.GET('/Invoices', {
        params: { header: init.tenant, query: { unitdp: 4, ...query } },
        headers: init.headers,
        signal: init.signal,
      }),
    );
    return {
      invoices: data.Invoices ?? [],
      ...(data.pagination && { pagination: data.pagination }),
    };
  }

  async function getContacts(
    ref: XeroTenantRef,
    query: NonNullable<paths['/Contacts']['get']['parameters']['query']>,
  ): Promise<XeroContact[]> {
    const data = await call(ref, 'GET', '/Contacts', (init) =>
      api.GET('/Contacts', {
        params: { header: init.tenant, query },
        headers: init.headers,
        signal: init.signal,
      }),
    );
    return data.Contacts ?? [];
  }

  return {
    oauth,
    tokens,

    async getOrganisation(ref: XeroTenantRef): Promise<XeroOrganisation | undefined> {
      const data = await call(ref, 'GET', '/Organisation', (init) =>
        api.GET('/Organisation', {
          params: { header: init.tenant },
          headers: init.headers,
          signal: init.signal,
        }),
      );
      return data.Organisations?.[0];
    },

    async getAccounts(ref: XeroTenantRef, where?: string): Promise<XeroAccount[]> {
      const data = await call(ref, 'GET', '/Accounts', (init) =>
        api.GET('/Accounts', {
          params: { header: init.tenant, query: where === undefined ? {} : { where } },
          headers: init.headers,
          signal: init.signal,
        }),
      );
      return data.Accounts ?? [];
    },

    async getTaxRates(ref: XeroTenantRef): Promise<XeroTaxRate[]> {
      const data = await call(ref, 'GET', '/TaxRates', (init) =>
        api.GET('/TaxRates', {
          params: { header: init.tenant },
          headers: init.headers,
          signal: init.signal,
        }),
      );
      return data.TaxRates ?? [];
    },

    async getCurrencies(ref: XeroTenantRef): Promise<XeroCurrency[]> {
      const data = await call(ref, 'GET', '/Currencies', (init) =>
        api.GET('/Currencies', {
          params: { header: init.tenant },
          headers: init.headers,
          signal: init.signal,
        }),
      );
      return data.Currencies ?? [];
    },

    async getBrandingThemes(ref: XeroTenantRef): Promise<XeroBrandingTheme[]> {
      const data = await call(ref, 'GET', '/BrandingThemes', (init) =>
        api.GET('/BrandingThemes', {
          params: { header: init.tenant },
          headers: init.headers,
          signal: init.signal,
        }),
      );
      return data.BrandingThemes ?? [];
    },

    async getTrackingCategories(ref: XeroTenantRef): Promise<XeroTrackingCategory[]> {
      const data = await call(ref, 'GET', '/TrackingCategories', (init) =>
        api.GET('/TrackingCategories', {
          params: { header: init.tenant },
          headers: init.headers,
          signal: init.signal,
        }),
      );
      return data.TrackingCategories ?? [];
    },

    /** xero.md §16.1: match on ContactNumber (our Pipedrive id), then email, then exact name. */
    findContacts(ref: XeroTenantRef, query: XeroContactQuery): Promise<XeroContact[]> {
      const where =
        'contactNumber' in query
          ? `ContactNumber==${whereString(query.contactNumber)}`
          : 'name' in query
            ? `Name==${whereString(query.name)}`
            : `EmailAddress==${whereString(query.emailAddress)}`;
      // page=1: full contact records (xero.md §5), and at most 100 matches is plenty.
      return getContacts(ref, {
        where,
        page: 1,
        ...(query.includeArchived && { includeArchived: true }),
      });
    },

    async getContact(ref: XeroTenantRef, contactId: string): Promise<XeroContact | undefined> {
      const data = await orUndefinedOn404(
        call(ref, 'GET', `/Contacts/${contactId}`, (init) =>
          api.GET('/Contacts/{ContactID}', {
            params: { header: init.tenant, path: { ContactID: contactId } },
            headers: init.headers,
            signal: init.signal,
          }),
        ),
      );
      return data?.Contacts?.[0];
    },

    async createContacts(
      ref: XeroTenantRef,
      contacts: XeroContact[],
      options: XeroWriteOptions,
    ): Promise<XeroWriteResult<XeroContact>[]> {
      const data = await call(ref, 'PUT', '/Contacts', (init) =>
        api.PUT('/Contacts', {
          params: { header: keyed(ref, options), query: perElement },
          headers: init.headers,
          signal: init.signal,
          body: { Contacts: contacts },
        }),
      );
      return (data.Contacts ?? []).map(toWriteResult);
    },

    async updateContact(
      ref: XeroTenantRef,
      contactId: string,
      contact: XeroContact,
      options: XeroWriteOptions,
    ): Promise<XeroWriteResult<XeroContact>> {
      const data = await call(ref, 'POST', `/Contacts/${contactId}`, (init) =>
        api.POST('/Contacts/{ContactID}', {
          params: { header: keyed(ref, options), path: { ContactID: contactId } },
          headers: init.headers,
          signal: init.signal,
          body: { Contacts: [contact] },
        }),
      );
      return single(data.Contacts, 'POST', `/Contacts/${contactId}`);
    },

    /**
     * Contacts matching any of `keys` (ContactID, ContactNumber, Name or EmailAddress), archived ones
     * included, in as few calls as Xero's URL length allows: one `where` of OR'ed clauses per chunk,
     * every page of it (xero.md §5). Lets a batch of up to 50 customers be looked up at once.
     */
    async findContactsByKeys(ref: XeroTenantRef, keys: XeroContactKeys): Promise<XeroContact[]> {
      const clauses = [
        ...(keys.contactIds ?? []).map((id) => `ContactID==Guid(${whereString(id)})`),
        ...(keys.contactNumbers ?? []).map((value) => `ContactNumber==${whereString(value)}`),
        ...(keys.names ?? []).map((value) => `Name==${whereString(value)}`),
        ...(keys.emailAddresses ?? []).map((value) => `EmailAddress==${whereString(value)}`),
      ];
      const found = new Map<string, XeroContact>();
      for (const where of joinWithin([...new Set(clauses)], ' OR ', WHERE_MAX_CHARS)) {
        for (let page = 1; ; page++) {
          const contacts = await getContacts(ref, { where, page, includeArchived: true });
          for (const contact of contacts) found.set(contact.ContactID ?? '', contact);
          if (contacts.length < CONTACT_PAGE_SIZE) break;
        }
      }
      return [...found.values()];
    },

    /**
     * POST /Contacts: creates or updates each element (an element with a ContactID updates that
     * contact, xero.md §4); up to 50 per call, results per element.
     */
    async saveContacts(
      ref: XeroTenantRef,
      contacts: XeroContact[],
      options: XeroWriteOptions,
    ): Promise<XeroWriteResult<XeroContact>[]> {
      const data = await call(ref, 'POST', '/Contacts', (init) =>
        api.POST('/Contacts', {
          params: { header: keyed(ref, options), query: perElement },
          headers: init.headers,
          signal: init.signal,
          body: { Contacts: contacts },
        }),
      );
      return (data.Contacts ?? []).map(toWriteResult);
    },

    /** Items by code (all items when `codes` is absent); unit prices to 4 dp. */
    async getItems(ref: XeroTenantRef, codes?: readonly string[]): Promise<XeroItem[]> {
      const batches =
        codes === undefined ? [undefined] : chunk([...new Set(codes)], ITEM_CODES_PER_CALL);
      const found: XeroItem[] = [];
      for (const batch of batches) {
        const where = batch?.map((code) => `Code==${whereString(code)}`).join(' OR ');
        const data = await call(ref, 'GET', '/Items', (init) =>
          api.GET('/Items', {
            params: { header: init.tenant, query: { unitdp: 4, ...(where && { where }) } },
            headers: init.headers,
            signal: init.signal,
          }),
        );
        found.push(...(data.Items ?? []));
      }
      return found;
    },

    async createItems(
      ref: XeroTenantRef,
      items: XeroItem[],
      options: XeroWriteOptions,
    ): Promise<XeroWriteResult<XeroItem>[]> {
      const data = await call(ref, 'PUT', '/Items', (init) =>
        api.PUT('/Items', {
          params: { header: keyed(ref, options), query: { ...perElement, unitdp: 4 } },
          headers: init.headers,
          signal: init.signal,
          body: { Items: items },
        }),
      );
      return (data.Items ?? []).map(toWriteResult);
    },

    /** POST /Items: creates or updates each element, matched by ItemID or Code (xero.md §9). */
    async saveItems(
      ref: XeroTenantRef,
      items: XeroItem[],
      options: XeroWriteOptions,
    ): Promise<XeroWriteResult<XeroItem>[]> {
      const data = await call(ref, 'POST', '/Items', (init) =>
        api.POST('/Items', {
          params: { header: keyed(ref, options), query: { ...perElement, unitdp: 4 } },
          headers: init.headers,
          signal: init.signal,
          body: { Items: items },
        }),
      );
      return (data.Items ?? []).map(toWriteResult);
    },

    /** PUT (create only, xero.md §4); up to 50 per call is Xero's guidance. */
    async createInvoices(
      ref: XeroTenantRef,
      invoices: XeroInvoice[],
      options: XeroWriteOptions,
    ): Promise<XeroWriteResult<XeroInvoice>[]> {
      const data = await call(ref, 'PUT', '/Invoices', (init) =>
        api.PUT('/Invoices', {
          params: { header: keyed(ref, options), query: { ...perElement, unitdp: 4 } },
          headers: init.headers,
          signal: init.signal,
          body: { Invoices: invoices },
        }),
      );
      return (data.Invoices ?? []).map(toWriteResult);
    },

    async createInvoice(
      ref: XeroTenantRef,
      invoice: XeroInvoice,
      options: XeroWriteOptions,
    ): Promise<XeroWriteResult<XeroInvoice>> {
      const [result] = await this.createInvoices(ref, [invoice], options);
      return result ?? missingElement('PUT', '/Invoices');
    },

    /** Quotes take no unitdp: they keep 4 dp anyway (xero.md §11). */
    async createQuotes(
      ref: XeroTenantRef,
      quotes: XeroQuote[],
      options: XeroWriteOptions,
    ): Promise<XeroWriteResult<XeroQuote>[]> {
      const data = await call(ref, 'PUT', '/Quotes', (init) =>
        api.PUT('/Quotes', {
          params: { header: keyed(ref, options), query: perElement },
          headers: init.headers,
          signal: init.signal,
          body: { Quotes: quotes },
        }),
      );
      return (data.Quotes ?? []).map(toWriteResult);
    },

    async createQuote(
      ref: XeroTenantRef,
      quote: XeroQuote,
      options: XeroWriteOptions,
    ): Promise<XeroWriteResult<XeroQuote>> {
      const [result] = await this.createQuotes(ref, [quote], options);
      return result ?? missingElement('PUT', '/Quotes');
    },

    /** Invariant 1: before re-creating, look for what an earlier attempt may have created. */
    async findInvoicesByReference(ref: XeroTenantRef, reference: string): Promise<XeroInvoice[]> {
      const { invoices } = await getInvoices(ref, {
        where: `Reference==${whereString(reference)}`,
        page: 1,
      });
      return invoices;
    },

    /**
     * The same for quotes. GET /Quotes has no `where` (xero.md §5), so pages are read and filtered
     * here; narrow with the contact and the document date when known.
     */
    async findQuotesByReference(
      ref: XeroTenantRef,
      reference: string,
      narrow: { contactId?: string; dateFrom?: string } = {},
    ): Promise<XeroQuote[]> {
      const matches: XeroQuote[] = [];
      for (let page = 1; ; page++) {
        const data = await call(ref, 'GET', '/Quotes', (init) =>
          api.GET('/Quotes', {
            params: {
              header: init.tenant,
              query: {
                page,
                ...(narrow.contactId !== undefined && { ContactID: narrow.contactId }),
                ...(narrow.dateFrom !== undefined && { DateFrom: narrow.dateFrom }),
              },
            },
            headers: init.headers,
            signal: init.signal,
          }),
        );
        const quotes = data.Quotes ?? [];
        matches.push(...quotes.filter((quote) => quote.Reference === reference));
        if (quotes.length < QUOTE_PAGE_SIZE) return matches;
      }
    },

    async getInvoice(ref: XeroTenantRef, invoiceId: string): Promise<XeroInvoice | undefined> {
      const data = await orUndefinedOn404(
        call(ref, 'GET', `/Invoices/${invoiceId}`, (init) =>
          api.GET('/Invoices/{InvoiceID}', {
            params: { header: init.tenant, path: { InvoiceID: invoiceId }, query: { unitdp: 4 } },
            headers: init.headers,
            signal: init.signal,
          }),
        ),
      );
      return data?.Invoices?.[0];
    },

    async getQuote(ref: XeroTenantRef, quoteId: string): Promise<XeroQuote | undefined> {
      const data = await orUndefinedOn404(
        call(ref, 'GET', `/Quotes/${quoteId}`, (init) =>
          api.GET('/Quotes/{QuoteID}', {
            params: { header: init.tenant, path: { QuoteID: quoteId } },
            headers: init.headers,
            signal: init.signal,
          }),
        ),
      );
      return data?.Quotes?.[0];
    },

    /** A customer's invoices for the Pipedrive panels, one page at a time (100 by default). */
    getInvoicesForContact(
      ref: XeroTenantRef,
      contactId: string,
      options: { statuses?: string[]; page?: number; pageSize?: number; order?: string } = {},
    ): Promise<{ invoices: XeroInvoice[]; pagination?: XeroPagination }> {
      return getInvoices(ref, {
        ContactIDs: [contactId],
        page: options.page ?? 1,
        ...(options.pageSize !== undefined && { pageSize: options.pageSize }),
        ...(options.statuses && { Statuses: options.statuses }),
        ...(options.order !== undefined && { order: options.order }),
      });
    },

    /** A customer's quotes for the panels, one page of 100 (quotes take no pageSize, xero.md §11). */
    async getQuotesForContact(
      ref: XeroTenantRef,
      contactId: string,
      options: { page?: number; order?: string } = {},
    ): Promise<XeroQuote[]> {
      const data = await call(ref, 'GET', '/Quotes', (init) =>
        api.GET('/Quotes', {
          params: {
            header: init.tenant,
            query: {
              ContactID: contactId,
              page: options.page ?? 1,
              ...(options.order !== undefined && { order: options.order }),
            },
          },
          headers: init.headers,
          signal: init.signal,
        }),
      );
      return data.Quotes ?? [];
    },

    /** A note in the document's history (xero.md §12; ≤ 2,500 characters). */
    async addHistoryNote(
      ref: XeroTenantRef,
      document: XeroDocumentRef,
      details: string,
      options: XeroWriteOptions,
    ): Promise<XeroWriteResult<{ Details?: string }>> {
      const body = { HistoryRecords: [{ Details: details }] };
      const header = keyed(ref, options);
      const data =
        document.kind === 'invoice'
          ? await call(ref, 'PUT', `/Invoices/${document.id}/History`, (init) =>
              api.PUT('/Invoices/{InvoiceID}/History', {
                params: { header, path: { InvoiceID: document.id } },
                headers: init.headers,
                signal: init.signal,
                body,
              }),
            )
          : await call(ref, 'PUT', `/Quotes/${document.id}/History`, (init) =>
              api.PUT('/Quotes/{QuoteID}/History', {
                params: { header, path: { QuoteID: document.id } },
                headers: init.headers,
                signal: init.signal,
                body,
              }),
            );
      return single(data.HistoryRecords, 'PUT', `/${document.kind}/${document.id}/History`);
    },
  };
}

export type XeroClient = ReturnType<typeof createXeroClient>;

/** A string literal for Xero's `where` (C#-like: backslash escapes, xero.md §5). */
export function whereString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** xero.md §3: keys longer than 128 characters are refused by Xero; refuse them before sending. */
function checkedKey(key: string): string {
  if (key.length === 0 || key.length > 128)
    throw new XeroApiError(
      'xero_bad_request',
      `Idempotency-Key must be 1–128 characters, got ${key.length}`,
      {
        method: 'PUT',
        path: '(not sent)',
      },
    );
  return key;
}

function single<T extends object>(
  elements: T[] | undefined,
  method: string,
  path: string,
): XeroWriteResult<T> {
  const first = elements?.[0];
  return first ? toWriteResult(first) : missingElement(method, path);
}

function missingElement(method: string, path: string): never {
  throw new XeroApiError('xero_request_failed', 'the response held no element', {
    method,
    path,
    status: 200,
  });
}

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let at = 0; at < items.length; at += size) chunks.push(items.slice(at, at + size));
  return chunks;
}

/** Joins `parts` with `separator` into as few strings as possible, each at most `max` long. */
function joinWithin(parts: string[], separator: string, max: number): string[] {
  const joined: string[] = [];
  let current = '';
  for (const part of parts) {
    const next = current === '' ? part : `${current}${separator}${part}`;
    if (current !== '' && next.length > max) {
      joined.push(current);
      current = part;
    } else current = next;
  }
  if (current !== '') joined.push(current);
  return joined;
}
