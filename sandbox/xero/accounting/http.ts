import type { FastifyReply, FastifyRequest } from 'fastify';

import type { XeroCaller } from '../world.js';
import type { XeroBooks } from './books.js';
import { batchResponse, type ElementResult, envelope, sendJson } from './envelope.js';
import type { ListQuery } from './listing.js';
import type { Books } from './model.js';
import { asObject } from './validate.js';

/** Request plumbing shared by the Accounting routes. */

export type Query = Record<string, string | undefined>;

export function callerOf(request: FastifyRequest): XeroCaller | undefined {
  return (request as { xeroCaller?: XeroCaller }).xeroCaller;
}

/** The caller's organisation; the transport guard has already checked the tenant header. */
export function booksOf(books: XeroBooks, request: FastifyRequest): Books {
  const tenantId = callerOf(request)?.tenantId ?? '';
  const tenant = books.books(tenantId);
  if (!tenant) throw Object.assign(new Error('AuthenticationUnsuccessful'), { statusCode: 403 });
  return tenant;
}

export function queryOf(request: FastifyRequest): Query {
  const lower: Query = {};
  for (const [key, value] of Object.entries((request.query ?? {}) as Record<string, unknown>)) {
    lower[key.toLowerCase()] = Array.isArray(value) ? String(value[0]) : String(value);
  }
  return lower;
}

export function unitDpOf(query: Query): 2 | 4 {
  return query['unitdp'] === '4' ? 4 : 2;
}

/** docs/vendors/xero.md §4: omitted means summarised, whatever the spec's default says. */
export function summarizeOf(query: Query): boolean {
  return query['summarizeerrors']?.toLowerCase() !== 'false';
}

export function listQueryOf(request: FastifyRequest, query: Query): ListQuery {
  const since = request.headers['if-modified-since'];
  const sinceMs =
    typeof since === 'string'
      ? Date.parse(since.endsWith('Z') || /GMT|[+-]\d\d:?\d\d$/.test(since) ? since : `${since}Z`)
      : NaN;
  return {
    where: query['where'],
    order: query['order'],
    page: query['page'] !== undefined ? Number(query['page']) || 1 : undefined,
    pageSize: query['pagesize'] !== undefined ? Number(query['pagesize']) || 100 : undefined,
    ifModifiedSinceMs: Number.isNaN(sinceMs) ? undefined : sinceMs,
  };
}

export function csv(value: string | undefined): string[] | undefined {
  return value
    ?.split(',')
    .map((part) => part.trim().toLowerCase())
    .filter(Boolean);
}

/** `{"Invoices":[…]}` or a bare element; anything else is not a valid post. */
export function elementsOf(
  body: unknown,
  collection: string,
): Record<string, unknown>[] | undefined {
  const wrapper = asObject(body);
  if (!wrapper) return undefined;
  const key = Object.keys(wrapper).find(
    (candidate) => candidate.toLowerCase() === collection.toLowerCase(),
  );
  if (key === undefined) return [wrapper];
  const list = wrapper[key];
  return Array.isArray(list) ? list.map((entry) => asObject(entry) ?? {}) : undefined;
}

export function providerName(books: XeroBooks, request: FastifyRequest): string {
  return books.providerName(callerOf(request)?.clientId ?? '');
}

export function sendList(
  books: XeroBooks,
  request: FastifyRequest,
  reply: FastifyReply,
  body: Record<string, unknown>,
  unitDp: 2 | 4 = 2,
): FastifyReply {
  return sendJson(reply, 200, envelope(providerName(books, request), books.now(), body), unitDp);
}

export function sendBatch(
  books: XeroBooks,
  request: FastifyRequest,
  reply: FastifyReply,
  collection: string,
  results: ElementResult[],
  errorFlag: 'HasErrors' | 'HasValidationErrors' | undefined,
  unitDp: 2 | 4 = 2,
): FastifyReply {
  const { status, body } = batchResponse(
    collection,
    results,
    summarizeOf(queryOf(request)),
    errorFlag,
    {
      providerName: providerName(books, request),
      nowMs: books.now(),
    },
  );
  return sendJson(reply, status, body, unitDp);
}

export function sendPostDataInvalid(reply: FastifyReply, collection: string): FastifyReply {
  return sendJson(reply, 400, {
    ErrorNumber: 17,
    Type: 'PostDataInvalidException',
    Message: `The request body must hold a ${collection} array.`,
  });
}
