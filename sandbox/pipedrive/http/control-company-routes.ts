import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import type { RateLimiter } from '../rate-limits.js';
import type { PipedriveCompanies } from '../store/companies.js';
import { seedBlankCompany } from '../store/seed-standard.js';

/**
 * Control API for whole accounts (no auth, under /__sandbox/pipedrive):
 * - POST /__sandbox/pipedrive/companies: a new company account with an admin user, the standard
 *   fields, the currencies and the given pipelines, and no records; its record ids start at
 *   `idStart`, as Pipedrive's ids are unique across companies.
 * - GET / POST /__sandbox/pipedrive/limits: read or change the rate limits, e.g. the daily token
 *   budget of a plan with more seats (https://pipedrive.readme.io/docs/core-api-concepts-rate-limiting).
 */
const companyBody = z.strictObject({
  id: z.number().int().positive(),
  name: z.string().min(1),
  domain: z.string().regex(/^[a-z0-9-]+$/, 'lowercase letters, digits and dashes'),
  country: z.string().length(2).default('NZ'),
  idStart: z.number().int().positive(),
  admin: z.strictObject({
    id: z.number().int().positive(),
    name: z.string().min(1),
    email: z.string().min(3),
    defaultCurrency: z.string().min(3).default('NZD'),
  }),
  pipelines: z
    .array(z.strictObject({ name: z.string().min(1), stages: z.array(z.string().min(1)).min(1) }))
    .min(1),
});

const limitsBody = z.strictObject({
  burstPerToken: z.number().int().positive().optional(),
  burstWindowMs: z.number().int().positive().optional(),
  searchPerToken: z.number().int().positive().optional(),
  dailyTokenBudget: z.number().int().positive().optional(),
});

export function registerCompanyControlRoutes(
  app: FastifyInstance,
  deps: { companies: PipedriveCompanies; limiter: RateLimiter; now: () => number },
): void {
  const { companies, limiter, now } = deps;
  app.post('/__sandbox/pipedrive/companies', async (request, reply) => {
    const input = companyBody.parse(request.body ?? {});
    if (companies.get(input.id))
      return reply.code(409).send({ error: `company ${input.id} already exists` });
    if (companies.byDomain(input.domain))
      return reply.code(409).send({ error: `domain ${input.domain} is taken` });
    const company = seedBlankCompany(input, now());
    companies.add(company);
    const pipelines = [...company.pipelines.values()].map((pipeline) => ({
      id: pipeline.id,
      name: pipeline.name,
      stages: [...company.stages.values()]
        .filter((stage) => stage.pipeline_id === pipeline.id)
        .map((stage) => ({ id: stage.id, name: stage.name })),
    }));
    return reply.code(201).send({ company: { id: company.id, domain: company.domain, pipelines } });
  });

  app.get('/__sandbox/pipedrive/limits', async () => ({ limits: limiter.current() }));
  app.post('/__sandbox/pipedrive/limits', async (request) => {
    const change = limitsBody.parse(request.body ?? {});
    const defined = Object.fromEntries(
      Object.entries(change).filter(([, value]) => value !== undefined),
    );
    return { limits: limiter.setLimits(defined) };
  });
}
