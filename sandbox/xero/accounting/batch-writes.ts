import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import type { XeroBooks } from './books.js';
import { type ElementResult, sendNotFound } from './envelope.js';
import { booksOf, elementsOf, sendBatch, sendPostDataInvalid } from './http.js';
import type { Books } from './model.js';

/** How one collection's elements are written; the request plumbing is shared (docs/vendors/xero.md §4). */
export interface BatchWriteSpec<T> {
  collection: string;
  /** The batch's error flag on a 400 (`HasErrors` for invoices, docs/vendors/xero.md §4). */
  errorFlag: 'HasErrors' | 'HasValidationErrors' | undefined;
  unitDpOf: (request: FastifyRequest) => 2 | 4;
  /** The record a `/{collection}/{key}` path names. */
  find: (tenant: Books, key: string) => T | undefined;
  save: (write: {
    tenant: Books;
    input: Record<string, unknown>;
    mode: 'create' | 'upsert';
    target: T | undefined;
    unitDp: 2 | 4;
    request: FastifyRequest;
  }) => ElementResult;
}

/**
 * `PUT /{collection}` creates; `POST /{collection}` and `POST /{collection}/{key}` create or
 * update. An unknown key is a 404 before the body is read; a body that is not a list is a 400.
 */
export function registerBatchWrites<T>(
  scope: FastifyInstance,
  books: XeroBooks,
  spec: BatchWriteSpec<T>,
): void {
  const { collection } = spec;
  const write =
    (mode: 'create' | 'upsert') =>
    async (request: FastifyRequest<{ Params: { key?: string } }>, reply: FastifyReply) => {
      const tenant = booksOf(books, request);
      const unitDp = spec.unitDpOf(request);
      let target: T | undefined;
      if (request.params.key !== undefined) {
        target = spec.find(tenant, request.params.key);
        if (!target) return sendNotFound(reply);
      }
      const elements = elementsOf(request.body, collection);
      if (!elements) return sendPostDataInvalid(reply, collection);
      const results = elements.map((input) =>
        spec.save({ tenant, input, mode, target, unitDp, request }),
      );
      return sendBatch(books, request, reply, collection, results, spec.errorFlag, unitDp);
    };
  scope.put(`/${collection}`, write('create'));
  scope.post(`/${collection}`, write('upsert'));
  scope.post(`/${collection}/:key`, write('upsert'));
}
