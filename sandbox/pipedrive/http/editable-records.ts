import type { z } from 'zod';

import type { ChangeContext, PipedriveCompanies, WritableEntities } from '../store/companies.js';
import type { Company } from '../store/company.js';
import type { ApiRoute } from './api-routes.js';
import { mergeCustomFields, parseBody } from './body.js';
import { ApiError, intListParam } from './paging.js';
import type { Query } from './v2-route-kit.js';
import { findLive, idParam, listPage, queryOf } from './v2-route-kit.js';

/**
 * Organizations, persons and products are written the same way through the v2 API and through the
 * control API's "UI" edits (§3.5–3.7, §9 item 16): a blank record plus the body's patch on create,
 * the body's patch on update. A kind says how, once, for both.
 */
export type EditableEntity = 'organization' | 'person' | 'product';
type RecordOf<E extends EditableEntity> = WritableEntities[E];

/** What every editable body may carry: the name (required on create) and custom fields. */
export interface NamedInput {
  name?: string | undefined;
  custom_fields?: Record<string, unknown> | undefined;
}

export interface EditableKind<E extends EditableEntity, Input extends NamedInput> {
  entity: E;
  table: (company: Company) => Map<number, RecordOf<E>>;
  blank: (company: Company, userId: number, at: number) => RecordOf<E>;
  /** The body's schema; v2 is strict (§2.4). */
  schema: z.ZodType<Input>;
  /** The entity's own part of a patch; custom fields are merged here, once for every kind. */
  fields: (input: Omit<Input, 'custom_fields'>) => Partial<RecordOf<E>>;
  render: (company: Company, record: RecordOf<E>) => unknown;
}

/** A record patch from a body; `creating` makes `name` required. */
function patchOf<E extends EditableEntity, I extends NamedInput>(
  kind: EditableKind<E, I>,
  company: Company,
  current: RecordOf<E> | undefined,
  body: unknown,
  creating: boolean,
): Partial<RecordOf<E>> {
  const input = parseBody(kind.schema, body);
  if (creating && !input.name) throw new ApiError(400, 'Validation failed: name: Required');
  const { custom_fields: custom, ...own } = input;
  const patch = kind.fields(own);
  if (custom !== undefined)
    patch.custom = mergeCustomFields(company, kind.entity, current?.custom ?? {}, custom);
  return patch;
}

export function createRecord<E extends EditableEntity, I extends NamedInput>(
  store: PipedriveCompanies,
  kind: EditableKind<E, I>,
  company: Company,
  body: unknown,
  context: ChangeContext,
  at: number,
): RecordOf<E> {
  const record = Object.assign(
    kind.blank(company, context.userId, at),
    patchOf(kind, company, undefined, body, true),
  );
  return store.create(company, kind.entity, record, context);
}

export function updateRecord<E extends EditableEntity, I extends NamedInput>(
  store: PipedriveCompanies,
  kind: EditableKind<E, I>,
  company: Company,
  record: RecordOf<E>,
  body: unknown,
  context: ChangeContext,
): RecordOf<E> {
  const patch = patchOf(kind, company, record, body, false);
  return store.update(company, kind.entity, record, patch, context);
}

/** The v2 collection path, e.g. `/organizations`. */
export function pathOf(kind: { entity: EditableEntity }): string {
  return `/${kind.entity}s`;
}

export interface EditableRouteOptions<E extends EditableEntity> {
  /** The list's own filters beyond `ids`, read from the query (after `ids`, so errors keep order). */
  filter?: (query: Query, company: Company) => (record: RecordOf<E>) => boolean;
  createStatus?: number;
}

/** v2 list, get, create and update of one kind: `GET|POST /{path}`, `GET|PATCH /{path}/{id}`. */
export function editableRoutes<E extends EditableEntity, I extends NamedInput>(
  store: PipedriveCompanies,
  kind: EditableKind<E, I>,
  now: () => number,
  options: EditableRouteOptions<E> = {},
): ApiRoute[] {
  const path = pathOf(kind);
  const label = kind.entity[0]!.toUpperCase() + kind.entity.slice(1);
  const find = (company: Company, rawId: string | undefined) =>
    findLive(kind.table(company), rawId, label);
  return [
    {
      version: 'v2',
      method: 'GET',
      path,
      handler: ({ company }, request) => {
        const query = queryOf(request);
        const ids = intListParam(query, 'ids');
        const extra = options.filter?.(query, company) ?? (() => true);
        const records = [...kind.table(company).values()].filter(
          (record) =>
            !record.is_deleted && (ids === undefined || ids.includes(record.id)) && extra(record),
        );
        return listPage(records, query, ['id', 'name', 'add_time', 'update_time'], (record) =>
          kind.render(company, record),
        );
      },
    },
    {
      version: 'v2',
      method: 'GET',
      path: `${path}/{id}`,
      handler: ({ company }, request) => ({
        success: true,
        data: kind.render(company, find(company, idParam(request))),
      }),
    },
    {
      version: 'v2',
      method: 'POST',
      path,
      ...(options.createStatus !== undefined && { status: options.createStatus }),
      handler: ({ company, change }, request) => ({
        success: true,
        data: kind.render(company, createRecord(store, kind, company, request.body, change, now())),
      }),
    },
    {
      version: 'v2',
      method: 'PATCH',
      path: `${path}/{id}`,
      handler: ({ company, change }, request) => {
        const record = find(company, idParam(request));
        const updated = updateRecord(store, kind, company, record, request.body, change);
        return { success: true, data: kind.render(company, updated) };
      },
    },
  ];
}
