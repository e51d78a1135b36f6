import { z } from 'zod';

import type { PipedriveCompanies } from '../store/companies.js';
import type { Company } from '../store/company.js';
import {
  renderActivityV2,
  renderPipelineV2,
  renderProductV2,
  renderStageV2,
} from '../store/render-v2.js';
import type { ActivityRecord, ProductRecord } from '../store/types.js';
import type { ApiRoute } from './api-routes.js';
import {
  customFieldsSchema,
  dateSchema,
  defined,
  idSchema,
  mergeCustomFields,
  numericId,
  parseBody,
  visibleToSchema,
} from './body.js';
import { ApiError, boolParam, intListParam, intParam, pageV2 } from './paging.js';

/** v2 products (+search), pipelines, stages and activities (reference/pipedrive.md §3.5, 3.8, 3.10). */

const productSchema = z
  .object({
    name: z.string().min(1),
    code: z.string().nullable(),
    description: z.string().nullable(),
    unit: z.string().nullable(),
    tax: z.number().nonnegative(),
    category: z.string().nullable(),
    owner_id: idSchema,
    is_linkable: z.boolean(),
    visible_to: visibleToSchema,
    billing_frequency: z.enum([
      'one-time',
      'annually',
      'semi-annually',
      'quarterly',
      'monthly',
      'weekly',
    ]),
    billing_frequency_cycles: z.number().int().positive().nullable(),
    prices: z.array(
      z.object({ currency: z.string(), price: z.number(), cost: z.number().default(0) }),
    ),
    custom_fields: customFieldsSchema,
  })
  .partial();
export type ProductInput = z.output<typeof productSchema>;

export function parseProduct(body: unknown, requireName: boolean): ProductInput {
  const input = parseBody(productSchema, body);
  if (requireName && !input.name) throw new ApiError(400, 'Validation failed: name: Required');
  return input;
}

export function productPatch(
  company: Company,
  current: ProductRecord | undefined,
  input: ProductInput,
): Partial<ProductRecord> {
  const { custom_fields: custom, ...rest } = input;
  const patch: Partial<ProductRecord> = defined(rest);
  if (custom !== undefined)
    patch.custom = mergeCustomFields(company, 'product', current?.custom ?? {}, custom);
  return patch;
}

export function newProduct(company: Company, userId: number, at: number): ProductRecord {
  return {
    id: company.nextId('product'),
    name: '',
    code: null,
    description: null,
    unit: null,
    tax: 0,
    category: null,
    owner_id: userId,
    is_linkable: true,
    is_deleted: false,
    visible_to: 3,
    billing_frequency: 'one-time',
    billing_frequency_cycles: null,
    prices: [],
    add_time: at,
    update_time: at,
    custom: {},
  };
}

const activitySchema = z.object({
  subject: z.string().min(1),
  type: z.string().default('task'),
  owner_id: idSchema.optional(),
  deal_id: idSchema.nullable().optional(),
  org_id: idSchema.nullable().optional(),
  due_date: dateSchema.nullable().optional(),
  due_time: z.string().nullable().optional(),
  duration: z.string().nullable().optional(),
  done: z.boolean().default(false),
  note: z.string().nullable().optional(),
  participants: z.array(z.object({ person_id: idSchema, primary: z.boolean() })).default([]),
});

export function catalogueRoutes(store: PipedriveCompanies, now: () => number): ApiRoute[] {
  const id = (request: { params: unknown }) => numericId((request.params as { id: string }).id);
  const product = (company: Company, raw: number) => {
    const found = company.products.get(raw);
    if (!found || found.is_deleted) throw new ApiError(404, 'Product not found');
    return found;
  };
  return [
    {
      version: 'v2',
      method: 'GET',
      path: '/products',
      handler: ({ company }, request) => {
        const query = request.query as Record<string, string | undefined>;
        const ids = intListParam(query, 'ids');
        const products = [...company.products.values()].filter(
          (item) => !item.is_deleted && (ids === undefined || ids.includes(item.id)),
        );
        const page = pageV2(
          products,
          query,
          ['id', 'name', 'add_time', 'update_time'],
          (item, field) => item[field as 'id'],
        );
        return {
          success: true,
          data: page.data.map((item) => renderProductV2(company, item)),
          additional_data: { next_cursor: page.next_cursor },
        };
      },
    },
    {
      version: 'v2',
      method: 'GET',
      path: '/products/{id}',
      handler: ({ company }, request) => ({
        success: true,
        data: renderProductV2(company, product(company, id(request))),
      }),
    },
    {
      version: 'v2',
      method: 'POST',
      path: '/products',
      status: 201,
      handler: ({ company, userId, change }, request) => {
        const record = Object.assign(
          newProduct(company, userId, now()),
          productPatch(company, undefined, parseProduct(request.body, true)),
        );
        return {
          success: true,
          data: renderProductV2(company, store.create(company, 'product', record, change)),
        };
      },
    },
    {
      version: 'v2',
      method: 'PATCH',
      path: '/products/{id}',
      handler: ({ company, change }, request) => {
        const record = product(company, id(request));
        const patch = productPatch(company, record, parseProduct(request.body, false));
        return {
          success: true,
          data: renderProductV2(company, store.update(company, 'product', record, patch, change)),
        };
      },
    },
    {
      version: 'v2',
      method: 'GET',
      path: '/products/search',
      isSearch: true,
      handler: ({ company }, request) => {
        const query = request.query as Record<string, string | undefined>;
        const term = (query['term'] ?? '').trim();
        if (term.length < 2)
          throw new ApiError(
            400,
            'Validation failed: term: String must contain at least 2 character(s)',
          );
        const exact = boolParam(query, 'exact_match') === true;
        const fields = (query['fields'] ?? 'code,custom_fields,name').split(',');
        const wanted = term.toLowerCase();
        const hit = (text: string | null) =>
          text !== null &&
          (exact ? text.toLowerCase() === wanted : text.toLowerCase().includes(wanted));
        const found = [...company.products.values()].filter(
          (item) =>
            !item.is_deleted &&
            ((fields.includes('name') && hit(item.name)) ||
              (fields.includes('code') && hit(item.code))),
        );
        const page = pageV2(found, query, ['id'], (item) => item.id, 100);
        const items = page.data.map((item) => ({
          result_score:
            item.code?.toLowerCase() === wanted || item.name.toLowerCase() === wanted ? 1 : 0.5,
          item: {
            id: item.id,
            type: 'product',
            name: item.name,
            code: item.code,
            visible_to: item.visible_to,
            owner: { id: item.owner_id },
            custom_fields: [],
          },
        }));
        return {
          success: true,
          data: { items },
          additional_data: { next_cursor: page.next_cursor },
        };
      },
    },
    {
      version: 'v2',
      method: 'GET',
      path: '/pipelines',
      handler: ({ company }, request) => {
        const page = pageV2(
          [...company.pipelines.values()],
          request.query as Record<string, string>,
          ['id', 'update_time', 'add_time'],
          (item, field) => item[field as 'id'],
        );
        return {
          success: true,
          data: page.data.map(renderPipelineV2),
          additional_data: { next_cursor: page.next_cursor },
        };
      },
    },
    {
      version: 'v2',
      method: 'GET',
      path: '/pipelines/{id}',
      handler: ({ company }, request) => {
        const pipeline = company.pipelines.get(id(request));
        if (!pipeline) throw new ApiError(404, 'Pipeline not found');
        return { success: true, data: renderPipelineV2(pipeline) };
      },
    },
    {
      version: 'v2',
      method: 'GET',
      path: '/stages',
      handler: ({ company }, request) => {
        const query = request.query as Record<string, string | undefined>;
        const pipelineId = intParam(query, 'pipeline_id');
        const stages = [...company.stages.values()].filter(
          (stage) => pipelineId === undefined || stage.pipeline_id === pipelineId,
        );
        const page = pageV2(
          stages,
          query,
          ['id', 'update_time', 'add_time', 'order_nr'],
          (item, field) => item[field as 'id'],
        );
        return {
          success: true,
          data: page.data.map(renderStageV2),
          additional_data: { next_cursor: page.next_cursor },
        };
      },
    },
    {
      version: 'v2',
      method: 'GET',
      path: '/stages/{id}',
      handler: ({ company }, request) => {
        const stage = company.stages.get(id(request));
        if (!stage) throw new ApiError(404, 'Stage not found');
        return { success: true, data: renderStageV2(stage) };
      },
    },
    {
      version: 'v2',
      method: 'GET',
      path: '/activities',
      handler: ({ company }, request) => {
        const query = request.query as Record<string, string | undefined>;
        const dealId = intParam(query, 'deal_id');
        const activities = [...company.activities.values()].filter(
          (activity) => dealId === undefined || activity.deal_id === dealId,
        );
        const page = pageV2(
          activities,
          query,
          ['id', 'update_time', 'add_time', 'due_date'],
          (item, field) => item[field as 'id'],
        );
        return {
          success: true,
          data: page.data.map(renderActivityV2),
          additional_data: { next_cursor: page.next_cursor },
        };
      },
    },
    {
      version: 'v2',
      method: 'GET',
      path: '/activities/{id}',
      handler: ({ company }, request) => {
        const activity = company.activities.get(id(request));
        if (!activity) throw new ApiError(404, 'Activity not found');
        return { success: true, data: renderActivityV2(activity) };
      },
    },
    {
      version: 'v2',
      method: 'POST',
      path: '/activities',
      handler: ({ company, userId, change }, request) => {
        const input = parseBody(activitySchema, request.body);
        const at = now();
        const activity: ActivityRecord = {
          id: company.nextId('activity'),
          subject: input.subject,
          type: input.type,
          owner_id: input.owner_id ?? userId,
          deal_id: input.deal_id ?? null,
          org_id: input.org_id ?? null,
          person_id: input.participants.find((p) => p.primary)?.person_id ?? null,
          due_date: input.due_date ?? null,
          due_time: input.due_time ?? null,
          duration: input.duration ?? null,
          done: input.done,
          note: input.note ?? null,
          participants: input.participants,
          add_time: at,
          update_time: at,
        };
        return {
          success: true,
          data: renderActivityV2(store.create(company, 'activity', activity, change)),
        };
      },
    },
  ];
}
