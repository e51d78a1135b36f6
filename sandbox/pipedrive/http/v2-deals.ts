import { z } from 'zod';

import type { PipedriveCompanies } from '../store/companies.js';
import type { Company } from '../store/company.js';
import type { DealOps } from '../store/deal-ops.js';
import { renderDealV2 } from '../store/render-v2.js';
import type { DealRecord } from '../store/types.js';
import type { ApiRoute } from './api-routes.js';
import {
  customFieldsSchema,
  dateSchema,
  defined,
  idSchema,
  mergeCustomFields,
  parseBody,
  visibleToSchema,
} from './body.js';
import { ApiError, intListParam, intParam } from './paging.js';
import { findLive, idParam, listPage, queryOf } from './v2-route-kit.js';

/** v2 deals (docs/vendors/pipedrive.md §3.1). */

const dealFields = {
  title: z.string().min(1),
  value: z.number(),
  currency: z.string().min(3),
  owner_id: idSchema,
  person_id: idSchema.nullable(),
  org_id: idSchema.nullable(),
  pipeline_id: idSchema,
  stage_id: idSchema,
  status: z.enum(['open', 'won', 'lost']),
  probability: z.number().nullable(),
  lost_reason: z.string().nullable(),
  visible_to: visibleToSchema,
  expected_close_date: dateSchema.nullable(),
  label_ids: z.array(z.number().int()),
  custom_fields: customFieldsSchema,
};
const createSchema = z
  .object({ ...dealFields, title: dealFields.title })
  .partial()
  .required({ title: true });
const updateSchema = z.object(dealFields).partial();
export type DealPatchInput = z.output<typeof updateSchema>;

export function findDeal(company: Company, rawId: string | undefined): DealRecord {
  return findLive(company.deals, rawId, 'Deal');
}

/** Turns an API/control patch into a record patch, checking stage/pipeline and custom fields. */
export function dealPatch(
  company: Company,
  deal: DealRecord | undefined,
  input: DealPatchInput,
  ops: DealOps,
): Partial<DealRecord> {
  const { custom_fields: custom, value, ...rest } = input;
  const patch: Partial<DealRecord> = defined({
    ...rest,
    ...(value !== undefined && { manual_value: value }),
  });
  if (patch.stage_id !== undefined) {
    const stage = company.stages.get(patch.stage_id);
    if (!stage)
      throw new ApiError(400, `Validation failed: stage_id: Stage ${patch.stage_id} not found`);
    patch.pipeline_id = stage.pipeline_id;
  } else if (patch.pipeline_id !== undefined) {
    const first = [...company.stages.values()]
      .filter((stage) => stage.pipeline_id === patch.pipeline_id)
      .sort((a, b) => a.order_nr - b.order_nr)[0];
    if (!first)
      throw new ApiError(
        400,
        `Validation failed: pipeline_id: Pipeline ${patch.pipeline_id} not found`,
      );
    if (deal?.pipeline_id !== patch.pipeline_id) patch.stage_id = first.id;
  }
  if (custom !== undefined)
    patch.custom = mergeCustomFields(company, 'deal', deal?.custom ?? {}, custom);
  return deal ? ops.transitionPatch(deal, patch) : patch;
}

export function dealRoutes(store: PipedriveCompanies, ops: DealOps, now: () => number): ApiRoute[] {
  return [
    {
      version: 'v2',
      method: 'GET',
      path: '/deals',
      handler: ({ company }, request) => {
        const query = queryOf(request);
        const ids = intListParam(query, 'ids');
        const filters = {
          owner_id: intParam(query, 'owner_id'),
          person_id: intParam(query, 'person_id'),
          org_id: intParam(query, 'org_id'),
          pipeline_id: intParam(query, 'pipeline_id'),
          stage_id: intParam(query, 'stage_id'),
        };
        const statuses = (query['status'] ?? 'open,won,lost').split(',');
        const since = timeParam(query, 'updated_since');
        const until = timeParam(query, 'updated_until');
        const matches = [...company.deals.values()].filter(
          (deal) =>
            // Archived deals are left out of list endpoints since 2025-07-15 (CL-ARCH).
            !deal.is_archived &&
            (deal.is_deleted ? statuses.includes('deleted') : statuses.includes(deal.status)) &&
            (ids === undefined || ids.includes(deal.id)) &&
            Object.entries(filters).every(
              ([key, wanted]) =>
                wanted === undefined || deal[key as keyof typeof filters] === wanted,
            ) &&
            (since === undefined || deal.update_time >= since) &&
            (until === undefined || deal.update_time < until),
        );
        return listPage(matches, query, ['id', 'update_time', 'add_time'], (deal) =>
          renderDealV2(company, deal),
        );
      },
    },
    {
      version: 'v2',
      method: 'GET',
      path: '/deals/{id}',
      handler: ({ company }, request) => ({
        success: true,
        data: renderDealV2(company, findDeal(company, idParam(request))),
      }),
    },
    {
      version: 'v2',
      method: 'POST',
      path: '/deals',
      handler: ({ company, userId, change }, request) => {
        const input = parseBody(createSchema, request.body);
        const patch = dealPatch(company, undefined, input, ops);
        const deal: DealRecord = { ...newDeal(company, userId, now()), ...patch };
        if (patch.status && patch.status !== 'open')
          Object.assign(
            deal,
            ops.transitionPatch({ ...deal, status: 'open' }, { status: patch.status }),
          );
        deal.value = company.computeDealValue(deal);
        return {
          success: true,
          data: renderDealV2(company, store.create(company, 'deal', deal, change)),
        };
      },
    },
    {
      version: 'v2',
      method: 'PATCH',
      path: '/deals/{id}',
      handler: ({ company, change }, request) => {
        const deal = findDeal(company, idParam(request));
        const patch = dealPatch(company, deal, parseBody(updateSchema, request.body), ops);
        return {
          success: true,
          data: renderDealV2(company, store.update(company, 'deal', deal, patch, change)),
        };
      },
    },
    {
      version: 'v2',
      method: 'DELETE',
      path: '/deals/{id}',
      handler: ({ company, change }, request) => {
        const deal = findDeal(company, idParam(request));
        store.remove(company, 'deal', deal, change);
        return { success: true, data: { id: deal.id } };
      },
    },
  ];
}

/** A fresh open deal in the first stage of the first pipeline, owned by the user. */
export function newDeal(company: Company, userId: number, at: number): DealRecord {
  const firstStage = [...company.stages.values()].sort(
    (a, b) => a.pipeline_id - b.pipeline_id || a.order_nr - b.order_nr,
  )[0];
  return {
    id: company.nextId('deal'),
    title: '',
    creator_user_id: userId,
    owner_id: userId,
    person_id: null,
    org_id: null,
    pipeline_id: firstStage?.pipeline_id ?? 1,
    stage_id: firstStage?.id ?? 1,
    manual_value: 0,
    value: 0,
    currency: company.users.get(userId)?.default_currency ?? 'USD',
    status: 'open',
    probability: null,
    lost_reason: null,
    visible_to: 3,
    expected_close_date: null,
    label_ids: [],
    origin: 'API',
    is_deleted: false,
    is_archived: false,
    add_time: at,
    update_time: at,
    stage_change_time: null,
    won_time: null,
    lost_time: null,
    close_time: null,
    archive_time: null,
    custom: {},
  };
}

/** RFC 3339 filters such as `updated_since` (§3.1). */
export function timeParam(
  query: Record<string, string | undefined>,
  name: string,
): number | undefined {
  const raw = query[name];
  if (raw === undefined || raw === '') return undefined;
  const ms = Date.parse(raw);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(raw) || Number.isNaN(ms))
    throw new ApiError(400, `Validation failed: ${name}: Expected an RFC 3339 date-time`);
  return ms;
}
