/**
 * Envelopes, errors and paging of both API versions (docs/vendors/pipedrive.md §2.2–2.4, §4). Pure.
 */

const ERROR_INFO =
  'Please check developers.pipedrive.com for more information about Pipedrive API.';

/** A Pipedrive-shaped failure; the API plugin renders it as the error envelope. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }

  /** Read by Fastify's error handlers (the control API's included). */
  get statusCode(): number {
    return this.status;
  }
}

export function errorEnvelope(message: string): Record<string, unknown> {
  return {
    success: false,
    error: message,
    error_info: ERROR_INFO,
    data: null,
    additional_data: null,
  };
}

/** §9 item 3: the gateway's 401, identical for missing, malformed, expired and revoked tokens. */
export const unauthorizedBody = {
  success: false,
  error: 'unauthorized access',
  errorCode: 401,
  error_info: 'Please check developers.pipedrive.com',
};

type Query = Record<string, string | undefined>;

/** v2 does not coerce: an integer parameter must be written as one (§2.4). */
export function intParam(query: Query, name: string): number | undefined {
  const raw = query[name];
  if (raw === undefined || raw === '') return undefined;
  if (!/^-?\d+$/.test(raw))
    throw new ApiError(400, `Validation failed: ${name}: Expected number, received string`);
  return Number(raw);
}

export function intListParam(query: Query, name: string, max = 100): number[] | undefined {
  const raw = query[name];
  if (raw === undefined || raw === '') return undefined;
  const parts = raw.split(',').map((part) => part.trim());
  if (parts.some((part) => !/^\d+$/.test(part)))
    throw new ApiError(
      400,
      `Validation failed: ${name}: Expected a comma-separated list of integers`,
    );
  if (parts.length > max)
    throw new ApiError(400, `Validation failed: ${name}: At most ${max} ids allowed`);
  return parts.map(Number);
}

/** Only `true`/`false` are booleans in v2; `1`/`0` are a validation error (§2.4). */
export function boolParam(query: Query, name: string): boolean | undefined {
  const raw = query[name];
  if (raw === undefined) return undefined;
  if (raw !== 'true' && raw !== 'false')
    throw new ApiError(400, `Validation failed: ${name}: Expected boolean, received string`);
  return raw === 'true';
}

export function limitParam(query: Query, max = 500): number {
  const limit = intParam(query, 'limit') ?? 100;
  if (limit < 1)
    throw new ApiError(400, 'Validation failed: limit: Number must be greater than or equal to 1');
  return Math.min(limit, max);
}

interface CursorState {
  field: string;
  fieldValue: string | number | null;
  sortDirection: 'asc' | 'desc';
  id: number | string;
}

/** Opaque base64url JSON, like Pipedrive's published examples (§4). */
export function encodeCursor(state: CursorState): string {
  return Buffer.from(JSON.stringify(state)).toString('base64url');
}

function decodeCursor(cursor: string): CursorState {
  try {
    const state = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorState;
    if (typeof state.field !== 'string' || state.id === undefined) throw new Error('shape');
    return state;
  } catch {
    throw new ApiError(400, 'Validation failed: cursor: Invalid cursor');
  }
}

/**
 * One v2 page: items ordered by `sort_by` (default id) then id, starting after the cursor's item.
 * `value(item, field)` reads the sort field's comparable value.
 */
export function pageV2<T extends { id: number | string }>(
  items: T[],
  query: Query,
  sortable: readonly string[],
  value: (item: T, field: string) => string | number | null,
  maxLimit = 500,
): { data: T[]; next_cursor: string | null } {
  const field = query['sort_by'] ?? 'id';
  if (!sortable.includes(field))
    throw new ApiError(
      400,
      `Validation failed: sort_by: Invalid enum value. Expected ${sortable.join(' | ')}`,
    );
  const direction = query['sort_direction'] ?? 'asc';
  if (direction !== 'asc' && direction !== 'desc')
    throw new ApiError(
      400,
      "Validation failed: sort_direction: Invalid enum value. Expected 'asc' | 'desc'",
    );
  const limit = limitParam(query, maxLimit);
  const sign = direction === 'asc' ? 1 : -1;
  const key = (item: T): [string | number | null, number | string] => [value(item, field), item.id];
  const compare = (
    a: [string | number | null, number | string],
    b: [string | number | null, number | string],
  ) => sign * compareValues(a[0], b[0]) || compareValues(a[1], b[1]);
  const sorted = [...items].sort((a, b) => compare(key(a), key(b)));
  const cursor = query['cursor'];
  let start = 0;
  if (cursor) {
    const state = decodeCursor(cursor);
    const after: [string | number | null, number | string] = [state.fieldValue, state.id];
    start = sorted.findIndex((item) => compare(key(item), after) > 0);
    if (start < 0) start = sorted.length;
  }
  const data = sorted.slice(start, start + limit);
  const last = data.at(-1);
  const more = start + limit < sorted.length && last !== undefined;
  return {
    data,
    next_cursor: more
      ? encodeCursor({
          field,
          fieldValue: value(last, field),
          sortDirection: direction,
          id: last.id,
        })
      : null,
  };
}

function compareValues(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/** v1 offset paging: `start` (default 0) and `limit` (default 100, max 500) (§4). */
export function pageV1<T>(
  items: T[],
  query: Query,
): { data: T[]; pagination: Record<string, unknown> } {
  const start = Math.max(0, Number.parseInt(query['start'] ?? '0', 10) || 0);
  const limit = Math.min(500, Math.max(1, Number.parseInt(query['limit'] ?? '100', 10) || 100));
  const data = items.slice(start, start + limit);
  const more = start + limit < items.length;
  return {
    data,
    pagination: {
      start,
      limit,
      more_items_in_collection: more,
      ...(more && { next_start: start + limit }),
    },
  };
}
