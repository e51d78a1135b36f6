import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

import type { AccessGrant, PipedriveOAuth } from '../oauth.js';
import type { RateLimiter } from '../rate-limits.js';
import type { ChangeContext, PipedriveCompanies } from '../store/companies.js';
import type { Company } from '../store/company.js';
import { operationCost } from '../token-costs.js';
import { ApiError, errorEnvelope, unauthorizedBody } from './paging.js';

/** What a handler knows about the call: the token's company and user. */
export interface ApiContext {
  company: Company;
  grant: AccessGrant;
  userId: number;
  /** Change attribution for writes made through the API (`change_source: "api"`). */
  change: ChangeContext;
}

/**
 * One API operation. Routes are served under `/api/v1|v2/…` and `/c/:companyDomain/api/v1|v2/…`
 * (v1 also under `/v1/…`, §1.5). Each call is authenticated, scope-checked and charged its token
 * cost before the handler runs; a handler returns the body, or throws an `ApiError`.
 */
export interface ApiRoute {
  version: 'v1' | 'v2';
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The spec's path, e.g. `/deals/{id}`. */
  path: string;
  /** x-token-cost and scopes; read from the token-cost table when absent. */
  cost?: number;
  scopes?: readonly string[];
  /** Search calls also count against the 10-per-2-s search window (§6). */
  isSearch?: boolean;
  /** Status of a successful answer; 200 unless the spec says otherwise (§2.2). */
  status?: number;
  handler: (context: ApiContext, request: FastifyRequest, reply: FastifyReply) => unknown;
}

export interface ApiDeps {
  oauth: PipedriveOAuth;
  companies: PipedriveCompanies;
  limiter: RateLimiter;
  now: () => number;
}

const prefixes = {
  v1: ['/api/v1', '/v1', '/c/:companyDomain/api/v1', '/c/:companyDomain/v1'],
  v2: ['/api/v2', '/c/:companyDomain/api/v2'],
};

export function registerApiRoutes(app: FastifyInstance, deps: ApiDeps, routes: ApiRoute[]): void {
  for (const version of ['v1', 'v2'] as const) {
    const ofVersion = routes.filter((route) => route.version === version);
    if (ofVersion.length === 0) continue;
    for (const prefix of prefixes[version]) {
      app.register(
        async (scope) => {
          scope.setErrorHandler(apiErrorHandler);
          for (const route of ofVersion) {
            scope.route({
              method: route.method,
              url: route.path.replace(/\{(\w+)\}/g, ':$1'),
              handler: (request, reply) => runRoute(deps, route, request, reply),
            });
          }
        },
        { prefix },
      );
    }
  }
}

/**
 * The live grant behind a request's bearer token, or undefined (missing, malformed, expired,
 * revoked, or used under another company's `/c/:companyDomain` prefix — §9 item 1).
 */
export function grantOf(
  deps: Pick<ApiDeps, 'oauth' | 'companies'>,
  request: FastifyRequest,
): AccessGrant | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  const grant = match?.[1] ? deps.oauth.authenticate(match[1]) : undefined;
  const company = grant ? deps.companies.get(grant.installation.companyId) : undefined;
  const domain = (request.params as { companyDomain?: string } | undefined)?.companyDomain;
  if (!grant || !company || (domain !== undefined && domain !== company.domain)) return undefined;
  return grant;
}

async function runRoute(
  deps: ApiDeps,
  route: ApiRoute,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const grant = grantOf(deps, request);
  const company = grant ? deps.companies.get(grant.installation.companyId) : undefined;
  if (!grant || !company) return reply.code(401).send(unauthorizedBody);
  const listed =
    route.cost === undefined || route.scopes === undefined
      ? operationCost(route.version, route.method, route.path)
      : undefined;
  const scopes = route.scopes ?? listed!.scopes;
  const cost = route.cost ?? listed!.cost;
  if (!scopes.some((scope) => grant.installation.scopes.includes(scope))) {
    return reply.code(403).send(errorEnvelope('Scope and URL mismatch'));
  }
  const decision = deps.limiter.take({
    token: grant.token,
    companyId: company.id,
    cost,
    isSearch: route.isSearch === true,
    nowMs: deps.now(),
  });
  reply.headers(decision.headers);
  if (!decision.allowed) {
    const message =
      decision.reason === 'daily' ? 'Daily API token budget exceeded' : 'Request over limit';
    return reply.code(429).send(errorEnvelope(message));
  }
  const userId = grant.installation.userId;
  const body = await route.handler(
    { company, grant, userId, change: { userId, source: 'api' } },
    request,
    reply,
  );
  if (reply.sent) return reply;
  return reply.code(route.status ?? 200).send(body);
}

function apiErrorHandler(error: unknown, _request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof ApiError) return reply.code(error.status).send(errorEnvelope(error.message));
  if (error instanceof z.ZodError) {
    const issue = error.issues[0];
    const where = issue?.path.join('.') || 'body';
    return reply
      .code(400)
      .send(errorEnvelope(`Validation failed: ${where}: ${issue?.message ?? 'invalid'}`));
  }
  const status = (error as { statusCode?: number }).statusCode ?? 500;
  if (status < 500) return reply.code(status).send(errorEnvelope((error as Error).message));
  _request.log.error(error);
  return reply.code(500).send(errorEnvelope('Internal server error'));
}
