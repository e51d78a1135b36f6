import { randomUUID } from 'node:crypto';

import type { FastifyReply } from 'fastify';

import type { AccessCheck } from '../identity/access-tokens.js';

/**
 * Xero's problem-JSON bodies for 401/403 (docs/vendors/xero.md §1.3, §2), each with a fresh `Instance` uuid,
 * and the other transport-level bodies (429 of §7, idempotency 400 of §3).
 */
export interface XeroProblem {
  Type: null;
  Title: string;
  Status: number;
  Detail: string;
  Instance: string;
  Extensions: Record<string, never>;
}

export function problem(status: 401 | 403 | 500 | 503, title: string, detail: string): XeroProblem {
  return {
    Type: null,
    Title: title,
    Status: status,
    Detail: detail,
    Instance: randomUUID(),
    Extensions: {},
  };
}

/** 401 for a missing/unknown token or a token without the needed scope. */
export function unauthorized(): XeroProblem {
  return problem(401, 'Unauthorized', 'AuthorizationUnsuccessful');
}

/** 401 for an expired access token: `TokenExpired: token expired at MM/DD/YYYY HH:mm:ss` (UTC). */
export function tokenExpired(expiredAtMs: number): XeroProblem {
  return problem(
    401,
    'Unauthorized',
    `TokenExpired: token expired at ${formatUsDateTime(expiredAtMs)}`,
  );
}

/** The 401 for a refused bearer token: expired tokens say when (docs/vendors/xero.md §1.2). */
export function bearerRefused(check: Extract<AccessCheck, { ok: false }>): XeroProblem {
  return check.reason === 'expired' ? tokenExpired(check.expiredAtMs) : unauthorized();
}

/** 403 for a missing, unknown or unconnected `xero-tenant-id`. */
export function forbidden(): XeroProblem {
  return problem(403, 'Forbidden', 'AuthenticationUnsuccessful');
}

export function sendProblem(
  reply: FastifyReply,
  body: XeroProblem,
  headers: Record<string, string> = {},
): FastifyReply {
  return reply
    .code(body.Status)
    .headers(headers)
    .type('application/json; charset=utf-8')
    .send(body);
}

/** docs/vendors/xero.md §7: the historical form-encoded 429 body. */
export const RATE_LIMIT_BODY =
  'oauth_problem=rate%20limit%20exceeded&oauth_problem_advice=please%20wait%20before%20retrying%20the%20xero%20api';

/** A ValidationException without elements, as Xero sends for request-level problems (docs/vendors/xero.md §3, §6). */
export function validationException(message: string): {
  ErrorNumber: 10;
  Type: 'ValidationException';
  Message: string;
} {
  return { ErrorNumber: 10, Type: 'ValidationException', Message: message };
}

export function formatUsDateTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)} ${iso.slice(11, 19)}`;
}
