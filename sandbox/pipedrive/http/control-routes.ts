import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import type { PipedriveOAuth } from '../oauth.js';
import type { ChangeContext, PipedriveCompanies } from '../store/companies.js';
import type { Company } from '../store/company.js';
import type { DealOps, DealProductInput } from '../store/deal-ops.js';
import type { PipedriveAppSeed } from '../world.js';
import { renderNoteV1 } from '../store/render-v1.js';
import {
  renderDealProductV2,
  renderDealV2,
  renderDiscountV2,
  renderOrganizationV2,
  renderPersonV2,
  renderProductV2,
} from '../store/render-v2.js';
import { defined, parseBody } from './body.js';
import { ApiError } from './paging.js';
import {
  newOrganization,
  newPerson,
  organizationPatch,
  parseOrganization,
  parsePerson,
  personPatch,
} from './v2-contacts.js';
import { newProduct, parseProduct, productPatch } from './v2-catalogue.js';
import { addLineSchema, discountSchema } from './v2-deal-lines.js';
import { dealPatch, findDeal, newDeal } from './v2-deals.js';

/**
 * Control API (no auth) under /__sandbox/pipedrive: what a user would do in Pipedrive's UI, so
 * edits here are announced with `change_source: "app"` (reference/pipedrive.md §9 item 16).
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
  app.patch(`${base}/companies/:companyId/deals/:id`, async (request) => {
    const company = companyOf(request.params);
    const deal = recordOf(company.deals, request.params);
    const { user_id: _user, ...fields } = dealBody.parse(request.body ?? {});
    return {
      data: renderDealV2(
        company,
        companies.update(
          company,
          'deal',
          deal,
          dealPatch(company, deal, fields, ops),
          actor(company, request.body),
        ),
      ),
    };
  });
  app.post(`${base}/companies/:companyId/deals/:id/move`, async (request) => {
    const company = companyOf(request.params);
    const deal = recordOf(company.deals, request.params);
    const body = z
      .object({ stage_id: z.number().int(), user_id: z.number().int().optional() })
      .parse(request.body);
    const patch = dealPatch(company, deal, { stage_id: body.stage_id }, ops);
    return {
      data: renderDealV2(
        company,
        companies.update(company, 'deal', deal, patch, actor(company, request.body)),
      ),
    };
  });
  app.post(`${base}/companies/:companyId/deals/:id/won`, async (request) => {
    const company = companyOf(request.params);
    const deal = recordOf(company.deals, request.params);
    return {
      data: renderDealV2(
        company,
        companies.update(
          company,
          'deal',
          deal,
          ops.transitionPatch(deal, { status: 'won' }),
          actor(company, request.body),
        ),
      ),
    };
  });
  app.post(`${base}/companies/:companyId/deals/:id/archive`, async (request) => {
    const company = companyOf(request.params);
    const deal = recordOf(company.deals, request.params);
    return {
      data: renderDealV2(
        company,
        companies.update(
          company,
          'deal',
          deal,
          { is_archived: true, archive_time: now() },
          actor(company, request.body),
        ),
      ),
    };
  });
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

  app.post(`${base}/companies/:companyId/organizations`, async (request, reply) => {
    const company = companyOf(request.params);
    const context = actor(company, request.body);
    const org = Object.assign(
      newOrganization(company, context.userId, now()),
      organizationPatch(company, undefined, parseOrganization(withoutUser(request.body), true)),
    );
    return reply.code(201).send({
      data: renderOrganizationV2(company, companies.create(company, 'organization', org, context)),
    });
  });
  app.patch(`${base}/companies/:companyId/organizations/:id`, async (request) => {
    const company = companyOf(request.params);
    const org = recordOf(company.organizations, request.params);
    const patch = organizationPatch(
      company,
      org,
      parseOrganization(withoutUser(request.body), false),
    );
    return {
      data: renderOrganizationV2(
        company,
        companies.update(company, 'organization', org, patch, actor(company, request.body)),
      ),
    };
  });
  app.post(`${base}/companies/:companyId/persons`, async (request, reply) => {
    const company = companyOf(request.params);
    const context = actor(company, request.body);
    const person = Object.assign(
      newPerson(company, context.userId, now()),
      personPatch(company, undefined, parsePerson(withoutUser(request.body), true)),
    );
    return reply.code(201).send({
      data: renderPersonV2(company, companies.create(company, 'person', person, context)),
    });
  });
  app.patch(`${base}/companies/:companyId/persons/:id`, async (request) => {
    const company = companyOf(request.params);
    const person = recordOf(company.persons, request.params);
    const patch = personPatch(company, person, parsePerson(withoutUser(request.body), false));
    return {
      data: renderPersonV2(
        company,
        companies.update(company, 'person', person, patch, actor(company, request.body)),
      ),
    };
  });
  app.post(`${base}/companies/:companyId/products`, async (request, reply) => {
    const company = companyOf(request.params);
    const context = actor(company, request.body);
    const product = Object.assign(
      newProduct(company, context.userId, now()),
      productPatch(company, undefined, parseProduct(withoutUser(request.body), true)),
    );
    return reply.code(201).send({
      data: renderProductV2(company, companies.create(company, 'product', product, context)),
    });
  });
  app.patch(`${base}/companies/:companyId/products/:id`, async (request) => {
    const company = companyOf(request.params);
    const product = recordOf(company.products, request.params);
    const patch = productPatch(company, product, parseProduct(withoutUser(request.body), false));
    return {
      data: renderProductV2(
        company,
        companies.update(company, 'product', product, patch, actor(company, request.body)),
      ),
    };
  });
}
