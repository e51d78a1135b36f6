import { z } from 'zod';

import type { PipedriveCompanies } from '../store/companies.js';
import { type FieldEntity, renderFieldsV1, renderFieldV2 } from '../store/fields.js';
import { renderNoteV1, renderUserMe } from '../store/render-v1.js';
import { v1Time } from '../store/render-v2.js';
import type { NoteRecord } from '../store/types.js';
import type { ApiRoute } from './api-routes.js';
import { ApiError, pageV1, pageV2 } from './paging.js';

/**
 * The resources that are still v1 — notes, users (me and by id), currencies (docs/vendors/pipedrive.md §2.1,
 * §3.9, §3.11–3.12) — and field definitions in both versions (§3.2).
 */

const v1Id = z.coerce.number().int().positive();
// v1 pin flags are numbers 0|1 on input (§3.9); form bodies send them as strings.
const pinFlag = z
  .union([z.literal(0), z.literal(1), z.literal('0'), z.literal('1')])
  .transform((flag) => Number(flag) === 1);
const noteSchema = z.object({
  content: z.string({ error: 'Content is required' }).min(1, 'Content is required'),
  deal_id: v1Id.optional(),
  person_id: v1Id.optional(),
  org_id: v1Id.optional(),
  lead_id: z.string().uuid().optional(),
  user_id: v1Id.optional(),
  add_time: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
    .optional(),
  pinned_to_deal_flag: pinFlag.optional(),
  pinned_to_person_flag: pinFlag.optional(),
  pinned_to_organization_flag: pinFlag.optional(),
});

const fieldPaths: [string, FieldEntity][] = [
  ['/dealFields', 'deal'],
  ['/organizationFields', 'organization'],
  ['/personFields', 'person'],
  ['/productFields', 'product'],
];

export function v1Routes(store: PipedriveCompanies, now: () => number): ApiRoute[] {
  const fieldRoutes = fieldPaths.flatMap(([path, entity]): ApiRoute[] => [
    {
      version: 'v1',
      method: 'GET',
      path,
      handler: ({ company }, request) => {
        const items = company.fields[entity].flatMap((def) =>
          renderFieldsV1(def, v1Time(company.createdAtMs)),
        );
        const page = pageV1(items, request.query as Record<string, string>);
        const { start, limit, more_items_in_collection } = page.pagination;
        return {
          success: true,
          data: page.data,
          additional_data: { start, limit, more_items_in_collection, pagination: page.pagination },
        };
      },
    },
    {
      version: 'v2',
      method: 'GET',
      path,
      handler: ({ company }, request) => {
        const page = pageV2(
          company.fields[entity],
          request.query as Record<string, string>,
          ['id'],
          (def) => def.id,
        );
        return {
          success: true,
          data: page.data.map(renderFieldV2),
          additional_data: { next_cursor: page.next_cursor },
        };
      },
    },
  ]);
  return [
    ...fieldRoutes,
    {
      version: 'v1',
      method: 'GET',
      path: '/users/me',
      handler: ({ company, userId }) => {
        const user = company.users.get(userId);
        if (!user) throw new ApiError(404, 'User not found');
        return { success: true, data: renderUserMe(company, user) };
      },
    },
    {
      version: 'v1',
      method: 'GET',
      path: '/users/{id}',
      handler: ({ company, userId }, request) => {
        const id = v1Id.safeParse((request.params as { id: string }).id);
        const user = id.success ? company.users.get(id.data) : undefined;
        if (!user) throw new ApiError(404, 'User not found');
        return { success: true, data: renderUserMe(company, user, user.id === userId) };
      },
    },
    {
      version: 'v1',
      method: 'GET',
      path: '/currencies',
      handler: ({ company }, request) => {
        const term = ((request.query as { term?: string }).term ?? '').toLowerCase();
        const data = company.currencies
          .filter(
            (currency) =>
              !term ||
              currency.code.toLowerCase().includes(term) ||
              currency.name.toLowerCase().includes(term),
          )
          .map((currency) => ({ ...currency, active_flag: true }));
        return { success: true, data };
      },
    },
    {
      version: 'v1',
      method: 'GET',
      path: '/notes',
      handler: ({ company }, request) => {
        const query = request.query as Record<string, string | undefined>;
        const filters = (['deal_id', 'person_id', 'org_id', 'user_id'] as const).flatMap((key) =>
          query[key] ? [[key, Number(query[key])] as const] : [],
        );
        const notes = [...company.notes.values()]
          .filter((note) => filters.every(([key, wanted]) => note[key] === wanted))
          .sort((a, b) => a.add_time - b.add_time || a.id - b.id);
        const page = pageV1(notes, query);
        return {
          success: true,
          data: page.data.map((note) => renderNoteV1(company, note)),
          additional_data: { pagination: page.pagination },
        };
      },
    },
    {
      version: 'v1',
      method: 'POST',
      path: '/notes',
      handler: ({ company, userId, change }, request) => {
        const input = noteSchema.parse(request.body ?? {});
        if (
          input.deal_id === undefined &&
          input.person_id === undefined &&
          input.org_id === undefined &&
          input.lead_id === undefined
        ) {
          throw new ApiError(
            400,
            'Note must be attached to a deal, person, organization, lead, project or task',
          );
        }
        if (input.deal_id !== undefined && !company.deals.has(input.deal_id))
          throw new ApiError(404, 'Deal not found');
        if (input.person_id !== undefined && !company.persons.has(input.person_id))
          throw new ApiError(404, 'Person not found');
        if (input.org_id !== undefined && !company.organizations.has(input.org_id))
          throw new ApiError(404, 'Organization not found');
        const at = input.add_time ? Date.parse(`${input.add_time.replace(' ', 'T')}Z`) : now();
        const note: NoteRecord = {
          id: company.nextId('note'),
          content: input.content,
          deal_id: input.deal_id ?? null,
          person_id: input.person_id ?? null,
          org_id: input.org_id ?? null,
          lead_id: input.lead_id ?? null,
          user_id: input.user_id ?? userId,
          pinned_to_deal_flag: input.pinned_to_deal_flag ?? false,
          pinned_to_person_flag: input.pinned_to_person_flag ?? false,
          pinned_to_organization_flag: input.pinned_to_organization_flag ?? false,
          add_time: at,
          update_time: at,
        };
        return {
          success: true,
          data: renderNoteV1(company, store.create(company, 'note', note, change)),
        };
      },
    },
  ];
}
