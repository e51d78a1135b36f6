import { z } from 'zod';

import type { Company } from '../store/company.js';
import type { FieldEntity } from '../store/fields.js';
import type { CustomValues } from '../store/types.js';
import { ApiError } from './paging.js';

/**
 * Request-body parsing for v2 writes. v2 is strict (§2.4): numbers are not coerced from strings and
 * booleans are only true/false, which is exactly what zod's plain `number()`/`boolean()` do.
 */

export const idSchema = z.number().int().positive();
export const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date YYYY-MM-DD');
export const visibleToSchema = z.union([z.literal(1), z.literal(3), z.literal(5), z.literal(7)]);
/** Products and deal products bill on the same cycles (§3.3, §3.5). */
export const billingFrequencySchema = z.enum([
  'one-time',
  'annually',
  'semi-annually',
  'quarterly',
  'monthly',
  'weekly',
]);
export const customFieldsSchema = z.record(z.string(), z.unknown());

export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  return schema.parse(body ?? {});
}

/** Custom values arrive keyed by the company's field keys; unknown keys are refused. */
export function mergeCustomFields(
  company: Company,
  entity: FieldEntity,
  current: CustomValues,
  incoming: Record<string, unknown> | undefined,
): CustomValues {
  if (!incoming) return current;
  const known = new Set(
    company.fields[entity].filter((def) => def.is_custom).map((def) => def.key),
  );
  const next = { ...current };
  for (const [key, value] of Object.entries(incoming)) {
    if (!known.has(key))
      throw new ApiError(400, `Validation failed: custom_fields: Unknown custom field ${key}`);
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next;
}

export function numericId(raw: string | undefined): number {
  if (raw === undefined || !/^\d+$/.test(raw))
    throw new ApiError(400, 'Validation failed: id: Expected number, received string');
  return Number(raw);
}

/** Drops keys whose value is undefined, so a partial update only carries what was sent. */
export function defined<T extends object>(patch: T): Defined<T> {
  return Object.fromEntries(
    Object.entries(patch).filter(([, value]) => value !== undefined),
  ) as Defined<T>;
}

export type Defined<T> = { [K in keyof T]?: Exclude<T[K], undefined> };
