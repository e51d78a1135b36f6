import type { XeroInvoice, XeroQuote } from '../../xero/types.js';
import { dec } from '../mapping/amounts.js';
import type { DocumentKind, SyncDeps } from '../ports.js';
import { xeroRef } from '../ports.js';

/**
 * Invariant 1, the last line of defence: before (re-)creating a document whose earlier attempt may
 * have reached Xero — a claim without a Xero id, or a retried run — look for it by our Reference
 * (whose bracketed key names the deal and trigger, mapping/reference.ts) and adopt it. Deleted and
 * voided documents are not adopted: the user removed them, and the trigger may make a new one.
 */

export interface XeroDocumentFacts {
  id: string;
  number: string | null;
  status: string;
  currency: string | null;
  subtotal: string | null;
  totalTax: string | null;
  total: string | null;
}

const GONE = new Set(['DELETED', 'VOIDED']);

export async function findExistingDocument(
  deps: SyncDeps,
  kind: DocumentKind,
  reference: string,
  narrow: { contactId: string; date: string },
): Promise<XeroDocumentFacts | undefined> {
  const ref = xeroRef(deps);
  const found =
    kind === 'invoice'
      ? (await deps.xero.findInvoicesByReference(ref, reference)).map(invoiceFacts)
      : (
          await deps.xero.findQuotesByReference(ref, reference, {
            contactId: narrow.contactId,
            dateFrom: narrow.date,
          })
        ).map(quoteFacts);
  return found.find((doc) => doc !== undefined && !GONE.has(doc.status));
}

const money = (value: number | undefined): string | null =>
  value === undefined ? null : dec(value).toFixed(2);

export function invoiceFacts(invoice: XeroInvoice): XeroDocumentFacts | undefined {
  if (!invoice.InvoiceID) return undefined;
  return {
    id: invoice.InvoiceID,
    number: invoice.InvoiceNumber ?? null,
    status: invoice.Status ?? 'DRAFT',
    currency: invoice.CurrencyCode ?? null,
    subtotal: money(invoice.SubTotal),
    totalTax: money(invoice.TotalTax),
    total: money(invoice.Total),
  };
}

export function quoteFacts(quote: XeroQuote): XeroDocumentFacts | undefined {
  if (!quote.QuoteID) return undefined;
  return {
    id: quote.QuoteID,
    number: quote.QuoteNumber ?? null,
    status: quote.Status ?? 'DRAFT',
    currency: quote.CurrencyCode ?? null,
    subtotal: money(quote.SubTotal),
    totalTax: money(quote.TotalTax),
    total: money(quote.Total),
  };
}
