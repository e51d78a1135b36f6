import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import type { PipedriveOAuth } from '../oauth.js';
import type { ChangeContext, PipedriveCompanies } from '../store/companies.js';
import type { Company } from '../store/company.js';
import type { DealOps, DealProductInput } from '../store/deal-ops.js';
import { customFieldKey, type FieldEntity, renderFieldV2 } from '../store/fields.js';
import { renderNoteV1 } from '../store/render-v1.js';
import { renderDealProductV2, renderDealV2, renderDiscountV2 } from '../store/render-v2.js';
import type { DealRecord } from '../store/types.js';
import type { PipedriveAppSeed } from '../world.js';
import { defined, parseBody } from './body.js';
import type { EditableEntity, EditableKind, NamedInput } from './editable-records.js';
import { createRecord, pathOf, updateRecord } from './editable-records.js';
import { ApiError } from './paging.js';
import { organizationKind, personKind } from './v2-contacts.js';
import { addLineSchema, discountSchema } from './v2-deal-lines.js';
import { dealPatch, findDeal, newDeal } from './v2-deals.js';
import { productKind } from './v2-products.js';

/**
 * Control API (no auth) under /__sandbox/pipedrive: what a user would do in Pipedrive's UI, so
 * edits here are announced with `change_source: "app"` (docs/vendors/pipedrive.md §9 item 16).
 */

const appSchema = z.strictObject({
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  name: z.string().min(1),
  callbackUrl: z.string().url(),
  panelUrls: z.record(z.enum(['deal', 'person', 'organization']), z.string().url()).optional(),
  jwtSecret: z.string().optional(),
  scopes: z.array(z.string()).min(1),
  anyLocalPort: z.boolean().default(false),
});
const dealBody = z.object({
  title: z.string().min(1).optional(),
  value: z.number().optional(),
  currency: z.string().optional(),
  person_id: z.number().int().nullable().optional(),
  org_id: z.number().int().nullable().optional(),
  stage_id: z.number().int().optional(),
  pipeline_id: z.number().int().optional(),
  status: z.enum(['open', 'won', 'lost']).optional(),
  lost_reason: z.string().nullable().optional(),
  expected_close_date: z.string().nullable().optional(),
  custom_fields: z.record(z.string(), z.unknown()).optional(),
  user_id: z.number().int().optional(),
});

/** A custom field as an admin adds it in Pipedrive's settings (docs/vendors/pipedrive.md §3.2). */
const fieldBody = z.strictObject({
  name: z.string().min(1),
  field_type: z.enum(['varchar', 'text', 'double', 'int', 'enum', 'set', 'date']),
  /** Option labels of an enum or set field; their ids are 1, 2, … in this order. */
  options: z.array(z.string().min(1)).min(1).optional(),
});
const FIELD_ENTITIES: Record<string, FieldEntity> = {
  deal: 'deal',
  organization: 'organization',
  person: 'person',
  product: 'product',
};

export function registerControlRoutes(
  app: FastifyInstance,
  deps: { companies: PipedriveCompanies; oauth: PipedriveOAuth; ops: DealOps; now: () => number },
): void {
  const { companies, oauth, ops, now } = deps;
  const base = '/__sandbox/pipedrive';
  const companyOf = (params: unknown): Company => {
    const company = companies.get(Number((params as { companyId: string }).companyId));
    if (!company) throw new ApiError(404, 'Company not found');
    return company;
  };
  /** Edits are made by the body's `user_id`, else by the company's first admin. */
  const actor = (company: Company, body: unknown): ChangeContext => {
    const wanted = (body as { user_id?: unknown } | undefined)?.user_id;
    const admin =
      [...company.users.values()].find((user) => user.is_admin) ?? [...company.users.values()][0];
    return { userId: typeof wanted === 'number' ? wanted : (admin?.id ?? 0), source: 'app' };
  };
  const withoutUser = (body: unknown) => {
    const { user_id: _user, ...rest } = (body ?? {}) as Record<string, unknown>;
    return rest;
  };
  const recordOf = <T extends { is_deleted: boolean }>(
    table: Map<number, T>,
    params: unknown,
  ): T => {
    const record = table.get(Number((params as { id: string }).id));
    if (!record || record.is_deleted) throw new ApiError(404, 'Not found');
    return record;
  };

  app.post(`${base}/apps`, async (request, reply) => {
    const { anyLocalPort, ...seed } = appSchema.parse(request.body);
    const registered = oauth.registerApp(defined(seed) as PipedriveAppSeed, anyLocalPort);
    return reply.code(201).send({ app: registered });
  });
  app.get(`${base}/installations`, async () => ({
    installations: oauth
      .listInstallations()
      .map(({ companyId, userId, clientId, scopes }) => ({ companyId, userId, clientId, scopes })),
  }));
  app.post(`${base}/tokens/expire`, async (request) => {
    const body = z.strictObject({ access_token: z.string().optional() }).parse(request.body ?? {});
    return { expired: oauth.expireAccessTokens(body.access_token) };
  });

  app.post(`${base}/companies/:companyId/deals`, async (request, reply) => {
    const company = companyOf(request.params);
    const context = actor(company, request.body);
    const input = dealBody.parse(request.body ?? {});
    const { user_id: _user, ...fields } = input;
    const deal = {
      ...newDeal(company, context.userId, now()),
      title: input.title ?? 'New deal',
      ...dealPatch(company, undefined, fields, ops),
    };
    deal.value = company.computeDealValue(deal);
    return reply
      .code(201)
      .send({ data: renderDealV2(company, companies.create(company, 'deal', deal, context)) });
  });
  /** A change to one deal, made by the body's user (or the first admin). */
  const editDeal = (
    method: 'POST' | 'PATCH',
    suffix: string,
    patchOf: (company: Company, deal: DealRecord, body: unknown) => Partial<DealRecord>,
  ) =>
    app.route({
      method,
      url: `${base}/companies/:companyId/deals/:id${suffix}`,
      handler: async (request) => {
        const company = companyOf(request.params);
        const deal = recordOf(company.deals, request.params);
        const patch = patchOf(company, deal, request.body);
        const context = actor(company, request.body);
        return {
          data: renderDealV2(company, companies.update(company, 'deal', deal, patch, context)),
        };
      },
    });
  editDeal('PATCH', '', (company, deal, body) => {
    const { user_id: _user, ...fields } = dealBody.parse(body ?? {});
    return dealPatch(company, deal, fields, ops);
  });
  editDeal('POST', '/move', (company, deal, body) => {
    const input = z
      .object({ stage_id: z.number().int(), user_id: z.number().int().optional() })
      .parse(body);
    return dealPatch(company, deal, { stage_id: input.stage_id }, ops);
  });
  // A bulk edit in Pipedrive's list view: many deals to one stage at once, a `change` webhook each.
  app.post(`${base}/companies/:companyId/deals/move`, async (request) => {
    const company = companyOf(request.params);
    const input = z
      .object({
        deal_ids: z.array(z.number().int()).min(1).max(1_000),
        stage_id: z.number().int(),
        user_id: z.number().int().optional(),
      })
      .parse(request.body);
    const context = actor(company, request.body);
    const deals = input.deal_ids.map((id) => findDeal(company, String(id)));
    return {
      data: deals.map((deal) =>
        renderDealV2(
          company,
          companies.update(
            company,
            'deal',
            deal,
            dealPatch(company, deal, { stage_id: input.stage_id }, ops),
            context,
          ),
        ),
      ),
    };
  });
  editDeal('POST', '/won', (_company, deal) => ops.transitionPatch(deal, { status: 'won' }));
  editDeal('POST', '/archive', () => ({ is_archived: true, archive_time: now() }));
  app.post(`${base}/companies/:companyId/deals/:id/products`, async (request, reply) => {
    const company = companyOf(request.params);
    const deal = findDeal(company, (request.params as { id: string }).id);
    const input = parseBody(addLineSchema, withoutUser(request.body));
    if (!company.products.has(input.product_id))
      throw new ApiError(400, `Product ${input.product_id} not found`);
    const line = ops.addProduct(
      company,
      deal,
      defined(input) as DealProductInput,
      actor(company, request.body),
    );
    return reply.code(201).send({ data: renderDealProductV2(company, line) });
  });
  app.post(`${base}/companies/:companyId/deals/:id/discounts`, async (request, reply) => {
    const company = companyOf(request.params);
    const deal = findDeal(company, (request.params as { id: string }).id);
    const discount = ops.addDiscount(
      company,
      deal,
      parseBody(discountSchema, withoutUser(request.body)),
      actor(company, request.body),
    );
    return reply.code(201).send({ data: renderDiscountV2(discount) });
  });
  app.get(`${base}/companies/:companyId/deals/:id/notes`, async (request) => {
    const company = companyOf(request.params);
    const dealId = Number((request.params as { id: string }).id);
    const notes = [...company.notes.values()]
      .filter((note) => note.deal_id === dealId)
      .sort((a, b) => a.id - b.id);
    return { data: notes.map((note) => renderNoteV1(company, note)) };
  });

  /** POST …/fields/:entity: a new custom field with a company-specific 40-hex key, as v2 renders it. */
  app.post(`${base}/companies/:companyId/fields/:entity`, async (request, reply) => {
    const company = companyOf(request.params);
    const entity = FIELD_ENTITIES[(request.params as { entity: string }).entity];
    if (!entity) throw new ApiError(404, 'Unknown field entity');
    const input = parseBody(fieldBody, request.body);
    const list = company.fields[entity];
    const key = customFieldKey(company.id, entity, input.name);
    if (list.some((field) => field.key === key))
      throw new ApiError(400, `A field named "${input.name}" already exists`);
    const definition = {
      id: company.nextId('field') + 12_000,
      key,
      name: input.name,
      field_type: input.field_type,
      options: input.options?.map((label, index) => ({ id: index + 1, label })) ?? null,
      is_custom: true,
      order_nr: list.length,
    };
    list.push(definition);
    return reply.code(201).send({ data: renderFieldV2(definition) });
  });

  /** Create and edit for the kinds the v2 API writes the same way (§9 item 16). */
  const editable = <E extends EditableEntity, I extends NamedInput>(kind: EditableKind<E, I>) => {
    app.post(`${base}/companies/:companyId${pathOf(kind)}`, async (request, reply) => {
      const company = companyOf(request.params);
      const context = actor(company, request.body);
      const record = createRecord(
        companies,
        kind,
        company,
        withoutUser(request.body),
        context,
        now(),
      );
      return reply.code(201).send({ data: kind.render(company, record) });
    });
    app.patch(`${base}/companies/:companyId${pathOf(kind)}/:id`, async (request) => {
      const company = companyOf(request.params);
      const record = recordOf(kind.table(company), request.params);
      const context = actor(company, request.body);
      const body = withoutUser(request.body);
      return {
        data: kind.render(company, updateRecord(companies, kind, company, record, body, context)),
      };
    });
  };
  editable(organizationKind);
  editable(personKind);
  editable(productKind);
}
