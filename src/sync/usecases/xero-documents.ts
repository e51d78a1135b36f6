import { missingElement } from '../../xero/calls/context.js';
import { XeroValidationError } from '../../xero/errors.js';
import type { XeroWriteResult } from '../../xero/results.js';
import type { XeroInvoice, XeroQuote, XeroWriteOptions } from '../../xero/types.js';
import { processDocumentBatcher, type SendMany } from '../document-batch.js';
import { DOCUMENT_KIND, type DocumentKind } from '../document-kinds.js';
import { dec } from '../mapping/amounts.js';
import type { XeroDocumentDraft } from '../mapping/types.js';
import { type SyncDeps, xeroRef } from '../ports.js';
import { idempotencyKey } from './keys.js';

/**
 * How Xero creates, finds and describes each kind of document: the I/O half of the DocumentKind
 * table (document-kinds.ts holds the pure half). A kind without an entry does not compile.
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

export interface XeroDocumentCalls {
  /** PUT the draft under the run's Idempotency-Key; Xero's refusal is a XeroValidationError. */
  create(
    deps: SyncDeps,
    draft: XeroDocumentDraft,
    options: XeroWriteOptions,
  ): Promise<XeroDocumentFacts>;
  /**
   * The documents carrying our Reference (reconcile.ts). Invoices are filtered by Xero; quotes
   * cannot be, so their pages are read, narrowed to the contact and the date
   * (docs/vendors/xero.md §11).
   */
  findByReference(
    deps: SyncDeps,
    reference: string,
    narrow: { contactId: string; date: string },
  ): Promise<XeroDocumentFacts[]>;
}

export const XERO_DOCUMENTS: Record<DocumentKind, XeroDocumentCalls> = {
  invoice: {
    async create(deps, draft, options) {
      // The draft is the subset of Xero's Invoice we send (mapping/types.ts).
      const result = await batched(deps, 'invoice', draft as XeroInvoice, options, (drafts, keys) =>
        deps.xero.createInvoices(xeroRef(deps), drafts, { idempotencyKey: requestKey(keys) }),
      );
      return created('invoice', result.ok ? invoiceFacts(result.element) : result.messages);
    },
    async findByReference(deps, reference) {
      const found = await deps.xero.findInvoicesByReference(xeroRef(deps), reference);
      return found.flatMap((invoice) => invoiceFacts(invoice) ?? []);
    },
  },
  quote: {
    async create(deps, draft, options) {
      const result = await batched(deps, 'quote', draft as XeroQuote, options, (drafts, keys) =>
        deps.xero.createQuotes(xeroRef(deps), drafts, { idempotencyKey: requestKey(keys) }),
      );
      return created('quote', result.ok ? quoteFacts(result.element) : result.messages);
    },
    async findByReference(deps, reference, narrow) {
      const found = await deps.xero.findQuotesByReference(xeroRef(deps), reference, {
        contactId: narrow.contactId,
        dateFrom: narrow.date,
      });
      return found.flatMap((quote) => quoteFacts(quote) ?? []);
    },
  },
};

/**
 * The run's document created with the others of its company, organisation and kind being created
 * now (document-batch.ts); its own element's answer.
 */
async function batched<T>(
  deps: SyncDeps,
  kind: DocumentKind,
  draft: T,
  options: XeroWriteOptions,
  send: SendMany<T, XeroWriteResult<T>>,
): Promise<XeroWriteResult<T>> {
  const batcher = deps.documentBatcher ?? processDocumentBatcher;
  const { tenantId } = deps.tenant;
  const result = await batcher.write(
    batchGroup(deps, kind),
    draft,
    options.idempotencyKey,
    send,
    () => deps.xero.whenCallFree(tenantId),
  );
  return result ?? missingElement('PUT', DOCUMENT_KIND[kind].xeroPath);
}

/** A lone document keeps its run's own key; a batch's is made of its documents' keys, in order. */
function requestKey(keys: string[]): string {
  return keys.length === 1 ? keys[0]! : idempotencyKey('docs', ...keys);
}

/** The documents that may share a request: one company's, for one organisation, of one kind. */
function batchGroup(deps: SyncDeps, kind: DocumentKind): string {
  return `${deps.company.id}:${deps.tenant.tenantId}:${kind}`;
}

/**
 * Says that a run is preparing a document of this kind, so that the documents already waiting to
 * be created wait for its own (document-batch.ts); call what it returns when the run is done.
 */
export function preparingDocument(deps: SyncDeps, kind: DocumentKind): () => void {
  return (deps.documentBatcher ?? processDocumentBatcher).enter(batchGroup(deps, kind));
}

/** The created document's facts; Xero's refusal (or an answer without an id) as an error. */
function created(
  kind: DocumentKind,
  answer: XeroDocumentFacts | undefined | string[],
): XeroDocumentFacts {
  const request = { method: 'PUT', path: DOCUMENT_KIND[kind].xeroPath };
  if (Array.isArray(answer)) throw new XeroValidationError(answer, { ...request, status: 200 });
  if (answer === undefined)
    throw new XeroValidationError(['Xero returned no document id.'], request);
  return answer;
}

const money = (value: number | undefined): string | null =>
  value === undefined ? null : dec(value).toFixed(2);

/** What both kinds of Xero document say about themselves, once the kind's id and number are read. */
interface DocumentAmounts {
  Status?: string;
  CurrencyCode?: string;
  SubTotal?: number;
  TotalTax?: number;
  Total?: number;
}

function facts(
  id: string | undefined,
  number: string | undefined,
  document: DocumentAmounts,
): XeroDocumentFacts | undefined {
  if (!id) return undefined;
  return {
    id,
    number: number ?? null,
    status: document.Status ?? 'DRAFT',
    currency: document.CurrencyCode ?? null,
    subtotal: money(document.SubTotal),
    totalTax: money(document.TotalTax),
    total: money(document.Total),
  };
}

const invoiceFacts = (invoice: XeroInvoice) =>
  facts(invoice.InvoiceID, invoice.InvoiceNumber, invoice);
const quoteFacts = (quote: XeroQuote) => facts(quote.QuoteID, quote.QuoteNumber, quote);
