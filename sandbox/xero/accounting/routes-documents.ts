import type { FastifyInstance, FastifyRequest } from 'fastify';

import { registerBatchWrites } from './batch-writes.js';
import type { XeroBooks } from './books.js';
import { findDocument } from './documents.js';
import { type ElementResult, sendNotFound } from './envelope.js';
import { parseRequestDay } from './format.js';
import { booksOf, callerOf, csv, listQueryOf, queryOf, sendList, unitDpOf } from './http.js';
import { listRecords } from './listing.js';
import type { DocumentKind, DocumentRecord } from './model.js';
import { registerHistoryRoutes } from './routes-history.js';
import { documentView } from './views.js';

/** /Invoices and /Quotes (docs/vendors/xero.md §10–§12): one set of routes, two document kinds. */

interface KindInfo {
  kind: DocumentKind;
  collection: 'Invoices' | 'Quotes';
  type: string;
  fields: string[];
}
const KINDS: KindInfo[] = [
  {
    kind: 'invoice',
    collection: 'Invoices',
    type: 'Invoice',
    fields: [
      'Type',
      'InvoiceID',
      'InvoiceNumber',
      'Reference',
      'Contact',
      'Date',
      'DueDate',
      'Status',
      'LineAmountTypes',
      'SubTotal',
      'TotalTax',
      'Total',
      'AmountDue',
      'AmountPaid',
      'CurrencyCode',
      'UpdatedDateUTC',
      'Url',
      'BrandingThemeID',
    ],
  },
  {
    kind: 'quote',
    collection: 'Quotes',
    type: 'Quote',
    fields: [
      'QuoteID',
      'QuoteNumber',
      'Reference',
      'Contact',
      'Date',
      'ExpiryDate',
      'Status',
      'LineAmountTypes',
      'SubTotal',
      'TotalTax',
      'Total',
      'CurrencyCode',
      'UpdatedDateUTC',
      'Title',
      'Summary',
      'Terms',
      'BrandingThemeID',
    ],
  },
];

function filterDocs(
  docs: DocumentRecord[],
  request: FastifyRequest,
  info: KindInfo,
): DocumentRecord[] {
  const query = queryOf(request);
  const ids = csv(query['ids']);
  const numbers = csv(query['invoicenumbers'] ?? query['quotenumber']);
  const contactIds = csv(query['contactids'] ?? query['contactid']);
  const statuses = csv(query['statuses'] ?? query['status']);
  const term = query['searchterm']?.toLowerCase();
  const mine = query['createdbymyapp'] === 'true' ? callerOf(request)?.clientId : undefined;
  const day = (name: string) => parseRequestDay(query[name.toLowerCase()]);
  const [from, to, expiryFrom, expiryTo] = [
    'DateFrom',
    'DateTo',
    'ExpiryDateFrom',
    'ExpiryDateTo',
  ].map(day);
  return docs.filter(
    (doc) =>
      doc.kind === info.kind &&
      (!ids || ids.includes(doc.id)) &&
      (!numbers || numbers.includes(doc.number.toLowerCase())) &&
      (!contactIds || contactIds.includes(doc.contactId)) &&
      (!statuses || statuses.includes(doc.status.toLowerCase())) &&
      (!term || [doc.number, doc.reference].some((field) => field?.toLowerCase().includes(term))) &&
      (mine === undefined || doc.createdByClientId === mine) &&
      (!from || doc.date >= from) &&
      (!to || doc.date <= to) &&
      (!expiryFrom || (doc.dueDate ?? '') >= expiryFrom) &&
      (!expiryTo || (doc.dueDate !== undefined && doc.dueDate <= expiryTo)),
  );
}

export function registerDocumentRoutes(scope: FastifyInstance, books: XeroBooks): void {
  for (const info of KINDS) registerKind(scope, books, info);
}

function registerKind(scope: FastifyInstance, books: XeroBooks, info: KindInfo): void {
  const { kind, collection } = info;
  const unitDpFor = (request: FastifyRequest): 2 | 4 =>
    kind === 'quote' ? 4 : unitDpOf(queryOf(request));

  scope.get(`/${collection}`, async (request, reply) => {
    const tenant = booksOf(books, request);
    const query = queryOf(request);
    const unitDp = unitDpFor(request);
    const listQuery = listQueryOf(request, query);
    // Quotes are paged by 100 with no pageSize (docs/vendors/xero.md §5, §11).
    if (kind === 'quote') listQuery.pageSize = undefined;
    // Invoices listed without `page` come back with `LineItems: []` (docs/vendors/xero.md §5).
    const withLines = kind === 'quote' || listQuery.page !== undefined;
    const rows = filterDocs([...tenant.documents.values()], request, info).map((doc) => ({
      record: doc,
      view: documentView(tenant, doc, { withLines, unitDp }),
      updatedMs: doc.updatedMs,
    }));
    const listed = listRecords(rows, listQuery, info.type, info.fields);
    return sendList(
      books,
      request,
      reply,
      {
        ...(listed.pagination && { pagination: listed.pagination }),
        [collection]: listed.rows.map((row) => row.view),
      },
      unitDp,
    );
  });

  scope.get<{ Params: { key: string } }>(`/${collection}/:key`, async (request, reply) => {
    const tenant = booksOf(books, request);
    const doc = findDocument(tenant, kind, request.params.key);
    if (!doc) return sendNotFound(reply);
    const unitDp = unitDpFor(request);
    return sendList(
      books,
      request,
      reply,
      { [collection]: [documentView(tenant, doc, { withLines: true, unitDp })] },
      unitDp,
    );
  });

  const idField = kind === 'invoice' ? 'InvoiceID' : 'QuoteID';
  registerBatchWrites<DocumentRecord>(scope, books, {
    collection,
    errorFlag: kind === 'invoice' ? 'HasErrors' : undefined,
    unitDpOf: unitDpFor,
    find: (tenant, key) => findDocument(tenant, kind, key),
    save: ({ tenant, input, mode, target, unitDp, request }): ElementResult => {
      // PUT creates only: an id in a PUT body is not a way to update (docs/vendors/xero.md §4).
      const source = mode === 'create' ? { ...input, [idField]: undefined } : input;
      const outcome = books.saveDocument(tenant, kind, source, {
        unitDp,
        clientId: callerOf(request)?.clientId ?? '',
        ...(target && { target }),
      });
      return outcome.ok
        ? { ok: true, view: documentView(tenant, outcome.doc, { withLines: true, unitDp }) }
        : { ok: false, input, errors: outcome.errors };
    },
  });

  registerHistoryRoutes(scope, books, kind, collection);
}
