import { compileOrder, compileWhere } from './where.js';

/** GET list handling shared by every collection (docs/vendors/xero.md §5): where, order, If-Modified-Since, paging. */
export interface ListQuery {
  where?: string | undefined;
  order?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
  ifModifiedSinceMs?: number | undefined;
}

export interface Listed<T> {
  rows: { record: T; view: Record<string, unknown> }[];
  pagination?: { page: number; pageSize: number; pageCount: number; itemCount: number };
}

export function listRecords<T>(
  rows: { record: T; view: Record<string, unknown>; updatedMs?: number }[],
  query: ListQuery,
  type: string,
  extraFields: readonly string[] = [],
): Listed<T> {
  const fields = [...new Set([...extraFields, ...rows.flatMap((row) => Object.keys(row.view))])];
  let selected = rows;
  if (query.ifModifiedSinceMs !== undefined) {
    const since = query.ifModifiedSinceMs;
    selected = selected.filter((row) => (row.updatedMs ?? 0) >= since);
  }
  if (query.where) {
    const keep = compileWhere(query.where, type, fields);
    selected = selected.filter((row) => keep(row.view));
  }
  if (query.order) {
    const compare = compileOrder(query.order, type, fields);
    selected = [...selected].sort((a, b) => compare(a.view, b.view));
  }
  if (query.page === undefined) return { rows: selected };
  const page = Math.max(1, Math.floor(query.page));
  const pageSize = Math.min(1000, Math.max(1, Math.floor(query.pageSize ?? 100)));
  const itemCount = selected.length;
  return {
    rows: selected.slice((page - 1) * pageSize, page * pageSize),
    pagination: { page, pageSize, pageCount: Math.ceil(itemCount / pageSize), itemCount },
  };
}
