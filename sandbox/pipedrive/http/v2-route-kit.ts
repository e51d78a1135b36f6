import type { FastifyRequest } from 'fastify';

import { numericId } from './body.js';
import { ApiError, pageV2 } from './paging.js';

/** Pieces every v2 route body shares: query/id access, lookups and the list envelope (§2.2–2.4). */

export type Query = Record<string, string | undefined>;

export function queryOf(request: FastifyRequest): Query {
  return request.query as Query;
}

/** The raw `{id}` path parameter. */
export function idParam(request: FastifyRequest): string | undefined {
  return (request.params as { id?: string }).id;
}

/** A record by its numeric id; soft-deleted records answer 404 like missing ones (§3). */
export function findLive<T extends object>(
  table: Map<number, T>,
  rawId: string | undefined,
  label: string,
): T {
  const record = table.get(numericId(rawId));
  if (!record || ('is_deleted' in record && record.is_deleted === true))
    throw new ApiError(404, `${label} not found`);
  return record;
}

/** A v2 list answer: one cursor page of `items`, sorted by a field of the record itself. */
export function listPage<T extends { id: number | string }>(
  items: T[],
  query: Query,
  sortable: readonly string[],
  render: (item: T) => unknown,
): { success: true; data: unknown[]; additional_data: { next_cursor: string | null } } {
  const page = pageV2(items, query, sortable, (item, field) => item[field as 'id']);
  return {
    success: true,
    data: page.data.map(render),
    additional_data: { next_cursor: page.next_cursor },
  };
}
