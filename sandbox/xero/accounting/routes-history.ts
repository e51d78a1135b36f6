import type { FastifyInstance } from 'fastify';

import type { XeroBooks } from './books.js';
import { findDocument } from './documents.js';
import { type ElementResult, sendJson, sendNotFound, validationException } from './envelope.js';
import { msDate, stableId } from './format.js';
import { booksOf, callerOf, elementsOf, sendBatch, sendList, sendPostDataInvalid } from './http.js';
import type { DocumentKind } from './model.js';
import { optionalString } from './validate.js';

/** History notes (docs/vendors/xero.md §12) and the online invoice link (docs/vendors/xero.md §10) of invoices and quotes. */

const NOT_FOUND_FOR_ENDPOINT = 'The document with the supplied id was not found for this endpoint.';

export function registerHistoryRoutes(
  scope: FastifyInstance,
  books: XeroBooks,
  kind: DocumentKind,
  collection: string,
): void {
  scope.get<{ Params: { key: string } }>(`/${collection}/:key/History`, async (request, reply) => {
    const tenant = booksOf(books, request);
    const doc = findDocument(tenant, kind, request.params.key);
    if (!doc)
      return sendJson(
        reply,
        400,
        validationException([{ ValidationErrors: [{ Message: NOT_FOUND_FOR_ENDPOINT }] }]),
      );
    const records = (tenant.history.get(doc.id) ?? []).map((entry) => ({
      Changes: entry.Changes,
      DateUTCString: new Date(entry.atMs).toISOString().slice(0, 19),
      DateUTC: msDate(entry.atMs),
      User: entry.User,
      Details: entry.Details,
    }));
    return sendList(books, request, reply, { HistoryRecords: records });
  });

  scope.put<{ Params: { key: string } }>(`/${collection}/:key/History`, async (request, reply) => {
    const tenant = booksOf(books, request);
    const doc = findDocument(tenant, kind, request.params.key);
    const elements = elementsOf(request.body, 'HistoryRecords');
    if (!elements) return sendPostDataInvalid(reply, 'HistoryRecords');
    const at = books.now();
    const stamp = { DateUTCString: new Date(at).toISOString().slice(0, 19), DateUTC: msDate(at) };
    const results = elements.map((input): ElementResult => {
      const details = optionalString(input, 'Details') ?? '';
      const errors = !doc
        ? [NOT_FOUND_FOR_ENDPOINT]
        : details.trim() === ''
          ? ['Details must be specified.']
          : details.length > 2500
            ? ['Details must not be more than 2500 characters long.']
            : [];
      if (errors.length > 0) return { ok: false, input: { ...stamp, ...input }, errors };
      books.addHistory(
        tenant,
        doc!.id,
        'Note',
        books.providerName(callerOf(request)?.clientId ?? ''),
        details,
      );
      return { ok: true, view: { ...stamp, Details: details, ValidationErrors: [] } };
    });
    return sendBatch(books, request, reply, 'HistoryRecords', results, undefined);
  });

  if (kind !== 'invoice') return;
  scope.get<{ Params: { key: string } }>('/Invoices/:key/OnlineInvoice', async (request, reply) => {
    const tenant = booksOf(books, request);
    const doc = findDocument(tenant, kind, request.params.key);
    if (!doc) return sendNotFound(reply);
    // docs/vendors/xero.md §10: online invoices exist only once the invoice is approved.
    if (['DRAFT', 'SUBMITTED', 'DELETED'].includes(doc.status)) {
      return sendJson(
        reply,
        400,
        validationException([
          {
            InvoiceID: doc.id,
            ValidationErrors: [
              {
                Message: `An online invoice cannot be created for an invoice with status ${doc.status}.`,
              },
            ],
          },
        ]),
      );
    }
    const token = stableId(doc.id, 'online').replace(/-/g, '');
    return sendList(books, request, reply, {
      OnlineInvoices: [{ OnlineInvoiceUrl: `https://in.xero.com/${token}` }],
    });
  });
}
