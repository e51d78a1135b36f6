import type { FastifyInstance, FastifyRequest } from 'fastify';

import type { SandboxClock } from '../../common/clock.js';
import type { XeroIdentity } from '../identity/identity.js';
import { scopesAllow } from '../identity/scopes.js';
import type { XeroCaller } from '../world.js';
import type { IdempotencyStore } from './idempotency.js';
import { registerIdempotencyHook } from './idempotency-hook.js';
import {
  bearerRefused,
  forbidden,
  RATE_LIMIT_BODY,
  sendProblem,
  unauthorized,
} from './problems.js';
import type { RateLimitHeaders, XeroRateLimiter } from './rate-limiter.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling the Accounting API; set by the transport once auth and tenant pass. */
    xeroCaller?: XeroCaller;
  }
}

export interface AccountingTransportDeps {
  identity: XeroIdentity;
  limiter: XeroRateLimiter;
  idempotency: IdempotencyStore;
  clock: SandboxClock;
}

/**
 * Everything Xero does to an Accounting API call before the handler runs (docs/vendors/xero.md §2, §3, §7), as
 * preHandler hooks on the encapsulated /api.xro/2.0 scope, in this order:
 * bearer token (401) → scope (401) → `xero-tenant-id` connected for this token's grant (403) →
 * rate limits (429) → `Accept: application/json` (406) → Idempotency-Key (replay / 400).
 *
 * preHandler (not onRequest) so the core's fault injector, a root preHandler, runs first and a
 * faulted call never reaches auth, limits or the idempotency store. Every response, faults and
 * errors included, carries the three X-*Limit-Remaining headers.
 *
 * The 406: real Xero answers XML when the client does not ask for JSON; the sandbox only speaks
 * JSON, so it refuses instead of silently answering in a format the client did not request.
 */
export function registerAccountingTransport(
  scope: FastifyInstance,
  deps: AccountingTransportDeps,
): void {
  const { identity, limiter } = deps;
  const limitHeaders = new WeakMap<FastifyRequest, RateLimitHeaders>();
  const prefix = scope.prefix;
  scope.decorateRequest('xeroCaller', undefined);

  scope.addHook('preHandler', async (request, reply) => {
    const access = identity.checkBearer(request.headers.authorization);
    if (!access.ok) {
      return sendProblem(reply, bearerRefused(access));
    }
    const { record } = access;
    if (!scopesAllow(record.scopes, request.method, resourceOf(request.url, prefix))) {
      reply.header('www-authenticate', 'Bearer error="insufficient_scope"');
      return sendProblem(reply, unauthorized());
    }
    // Tenant ids are GUIDs: compare them case-insensitively, as Xero does.
    const tenantId = headerValue(request.headers['xero-tenant-id'])?.toLowerCase();
    if (tenantId === undefined || !identity.isConnected(record.grantId, tenantId)) {
      return sendProblem(reply, forbidden());
    }
    request.xeroCaller = {
      clientId: record.clientId,
      userId: record.userId,
      tenantId,
      scopes: record.scopes,
    };
  });

  scope.addHook('preHandler', async (request, reply) => {
    const caller = request.xeroCaller;
    if (!caller) return;
    const admission = limiter.admit(caller.clientId, caller.tenantId);
    limitHeaders.set(request, admission.headers);
    if (!admission.ok) {
      reply.header('x-rate-limit-problem', admission.problem);
      if (admission.retryAfterSeconds !== undefined)
        reply.header('retry-after', String(admission.retryAfterSeconds));
      return reply.code(429).type('text/plain; charset=utf-8').send(RATE_LIMIT_BODY);
    }
    // The concurrency slot is held until the response is finished or the socket is gone.
    reply.raw.once('close', admission.release);
  });

  scope.addHook('preHandler', async (request, reply) => {
    if (!acceptsJson(request.headers.accept)) {
      return reply
        .code(406)
        .type('text/plain; charset=utf-8')
        .send(
          'The Xero sandbox only speaks JSON: send "Accept: application/json" (real Xero would answer in XML).',
        );
    }
  });

  registerIdempotencyHook(scope, deps.idempotency);

  scope.addHook('onSend', async (request, reply, payload) => {
    reply.headers(limitHeaders.get(request) ?? snapshot(request));
    return payload;
  });

  /** Remaining limits for a response no counting hook saw (auth failures, injected faults). */
  function snapshot(request: FastifyRequest): RateLimitHeaders {
    const access = identity.checkBearer(request.headers.authorization);
    if (!access.ok) return limiter.headers();
    return limiter.headers(
      access.record.clientId,
      headerValue(request.headers['xero-tenant-id'])?.toLowerCase(),
    );
  }
}

/** The Accounting resource of a URL: "/api.xro/2.0/Invoices/123?x" → "Invoices". */
export function resourceOf(url: string, prefix: string): string {
  const path = (url.split('?')[0] ?? '').slice(prefix.length);
  return path.split('/').find((segment) => segment.length > 0) ?? '';
}

function acceptsJson(accept: string | undefined): boolean {
  return (accept ?? '').toLowerCase().includes('application/json');
}

function headerValue(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first.trim() === '' ? undefined : first.trim();
}
