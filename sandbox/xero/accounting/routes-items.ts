import type { FastifyInstance } from 'fastify';

import { registerBatchWrites } from './batch-writes.js';
import type { XeroBooks } from './books.js';
import { type ElementResult, sendNotFound } from './envelope.js';
import { isGuid } from './format.js';
import { booksOf, listQueryOf, queryOf, sendList, unitDpOf } from './http.js';
import { findItemByCode } from './items.js';
import { listRecords } from './listing.js';
import type { Books, ItemRecord } from './model.js';
import { itemView } from './views.js';

/** /Items (docs/vendors/xero.md §9): unpaged reads, PUT creates, POST upserts by ItemID or Code, DELETE. */

const ITEM_FIELDS = [
  'ItemID',
  'Code',
  'Name',
  'Description',
  'PurchaseDescription',
  'IsSold',
  'IsPurchased',
  'IsTrackedAsInventory',
  'SalesDetails',
  'PurchaseDetails',
  'UpdatedDateUTC',
];

function findItem(books: Books, key: string): ItemRecord | undefined {
  return isGuid(key) ? books.items.get(key.toLowerCase()) : findItemByCode(books, key);
}

export function registerItemRoutes(scope: FastifyInstance, books: XeroBooks): void {
  scope.get('/Items', async (request, reply) => {
    const tenant = booksOf(books, request);
    const query = queryOf(request);
    const unitDp = unitDpOf(query);
    const rows = [...tenant.items.values()].map((item) => ({
      record: item,
      view: itemView(item, unitDp),
      updatedMs: item.updatedMs,
    }));
    const listed = listRecords(
      rows,
      { ...listQueryOf(request, query), page: undefined },
      'Item',
      ITEM_FIELDS,
    );
    return sendList(books, request, reply, { Items: listed.rows.map((row) => row.view) }, unitDp);
  });

  scope.get<{ Params: { key: string } }>('/Items/:key', async (request, reply) => {
    const item = findItem(booksOf(books, request), request.params.key);
    if (!item) return sendNotFound(reply);
    const unitDp = unitDpOf(queryOf(request));
    return sendList(books, request, reply, { Items: [itemView(item, unitDp)] }, unitDp);
  });

  registerBatchWrites<ItemRecord>(scope, books, {
    collection: 'Items',
    errorFlag: undefined,
    unitDpOf: (request) => unitDpOf(queryOf(request)),
    find: findItem,
    save: ({ tenant, input, mode, target, unitDp }): ElementResult => {
      const outcome = books.saveItem(tenant, input, mode, unitDp, target);
      return outcome.ok
        ? { ok: true, view: itemView(outcome.record, unitDp) }
        : { ok: false, input, errors: outcome.errors };
    },
  });

  scope.delete<{ Params: { key: string } }>('/Items/:key', async (request, reply) => {
    const tenant = booksOf(books, request);
    const item = findItem(tenant, request.params.key);
    if (!item) return sendNotFound(reply);
    books.deleteItem(tenant, item.ItemID);
    return reply.code(204).send();
  });
}
