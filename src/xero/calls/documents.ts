import type { paths } from '../generated/accounting.js';
import { toWriteResult, type XeroWriteResult } from '../results.js';
import type {
  XeroInvoice,
  XeroPagination,
  XeroQuote,
  XeroTenantRef,
  XeroWriteOptions,
} from '../types.js';
import { missingElement, single, whereString, type XeroCallContext } from './context.js';

export type XeroDocumentRef = { kind: 'invoice' | 'quote'; id: string };

/** Quotes come 100 to a page with no pageSize (docs/vendors/xero.md §11). */
const QUOTE_PAGE_SIZE = 100;

/** Invoices, quotes and their history notes. */
export function documentCalls({ call, api, keyed, perElement, orUndefinedOn404 }: XeroCallContext) {
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

  return {
    /** PUT (create only, docs/vendors/xero.md §4); up to 50 per call is Xero's guidance. */
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

    /** Quotes take no unitdp: they keep 4 dp anyway (docs/vendors/xero.md §11). */
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
     * The same for quotes. GET /Quotes has no `where` (docs/vendors/xero.md §5), so pages are read and filtered
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

    /** A customer's quotes for the panels, one page of 100 (quotes take no pageSize, docs/vendors/xero.md §11). */
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

    /** A note in the document's history (docs/vendors/xero.md §12; ≤ 2,500 characters). */
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
