import { z } from 'zod';

import type { PipedriveCompanies } from '../store/companies.js';
import { renderActivityV2, renderPipelineV2, renderStageV2 } from '../store/render-v2.js';
import type { ActivityRecord } from '../store/types.js';
import type { ApiRoute } from './api-routes.js';
import { dateSchema, idSchema, parseBody } from './body.js';
import { intParam } from './paging.js';
import { productRoutes } from './v2-products.js';
import { findLive, idParam, listPage, queryOf } from './v2-route-kit.js';

/** v2 pipelines, stages and activities, plus the product routes (docs/vendors/pipedrive.md §3.8, 3.10). */

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
  return [
    ...productRoutes(store, now),
    {
      version: 'v2',
      method: 'GET',
      path: '/pipelines',
      handler: ({ company }, request) =>
        listPage(
          [...company.pipelines.values()],
          queryOf(request),
          ['id', 'update_time', 'add_time'],
          renderPipelineV2,
        ),
    },
    {
      version: 'v2',
      method: 'GET',
      path: '/pipelines/{id}',
      handler: ({ company }, request) => ({
        success: true,
        data: renderPipelineV2(findLive(company.pipelines, idParam(request), 'Pipeline')),
      }),
    },
    {
      version: 'v2',
      method: 'GET',
      path: '/stages',
      handler: ({ company }, request) => {
        const query = queryOf(request);
        const pipelineId = intParam(query, 'pipeline_id');
        const stages = [...company.stages.values()].filter(
          (stage) => pipelineId === undefined || stage.pipeline_id === pipelineId,
        );
        return listPage(
          stages,
          query,
          ['id', 'update_time', 'add_time', 'order_nr'],
          renderStageV2,
        );
      },
    },
    {
      version: 'v2',
      method: 'GET',
      path: '/stages/{id}',
      handler: ({ company }, request) => ({
        success: true,
        data: renderStageV2(findLive(company.stages, idParam(request), 'Stage')),
      }),
    },
    {
      version: 'v2',
      method: 'GET',
      path: '/activities',
      handler: ({ company }, request) => {
        const query = queryOf(request);
        const dealId = intParam(query, 'deal_id');
        const activities = [...company.activities.values()].filter(
          (activity) => dealId === undefined || activity.deal_id === dealId,
        );
        return listPage(
          activities,
          query,
          ['id', 'update_time', 'add_time', 'due_date'],
          renderActivityV2,
        );
      },
    },
    {
      version: 'v2',
      method: 'GET',
      path: '/activities/{id}',
      handler: ({ company }, request) => ({
        success: true,
        data: renderActivityV2(findLive(company.activities, idParam(request), 'Activity')),
      }),
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
