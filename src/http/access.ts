import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

import { liveApiKey, noteApiKeyUse } from '../services/api-keys.js';
import { type Session, sessionOf, startSession } from '../services/sessions.js';
import { cookieOf, SESSION_COOKIE, setSessionCookie } from './cookies.js';
import type { HttpDeps } from './deps.js';
import { HttpError } from './error-handler.js';

/**
 * Who may act for a company (invariant 5; docs/access.md has the table of every route):
 * - a machine: `Authorization: Bearer <API key>` of that company (services/api-keys.ts);
 * - a person: the session cookie of a Pipedrive admin of that company (services/sessions.ts), and
 *   for every request that changes something, the session's CSRF token (`_csrf` form field or
 *   `x-csrf-token` header);
 * - sandbox mode, from loopback only: no sign-in. A page opened there starts a session by itself,
 *   so its forms carry a CSRF token like anywhere else, and a form post without one is refused.
 * Another company's key or session is 403; none at all is 401, and a page then offers to sign in.
 */
export type AccessDeps = Pick<HttpDeps, 'db' | 'clock' | 'sandboxMode' | 'publicUrl'>;

export interface Access {
  companyId: number;
  via: 'key' | 'session' | 'sandbox';
  /** The CSRF token forms of this page carry ('' for keys and sandbox JSON calls). */
  csrf: string;
  session?: Session;
}

/** A page is GET HTML: without access it offers the sign-in; in sandbox mode it starts a session. */
export interface AccessOptions {
  page?: boolean;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function requireCompanyAccess(
  deps: AccessDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  companyId: number,
  options: AccessOptions = {},
): Promise<Access> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  if (bearer !== undefined) {
    const key = await liveApiKey(deps, bearer);
    if (key === undefined)
      throw new HttpError(401, 'access_denied', 'The API key is unknown, revoked or expired');
    if (key.companyId !== companyId) throw otherCompany(companyId);
    await noteApiKeyUse(deps, key);
    return { companyId, via: 'key', csrf: '' };
  }
  const sessionId = cookieOf(request, SESSION_COOKIE);
  const session = sessionId === undefined ? undefined : await sessionOf(deps, sessionId);
  if (session !== undefined) {
    if (session.companyId !== companyId && !(deps.sandboxMode && isLoopback(request)))
      throw otherCompany(companyId);
    if (session.companyId === companyId) {
      if (UNSAFE.has(request.method)) requireCsrf(request, session.csrf);
      return { companyId, via: 'session', csrf: session.csrf, session };
    }
  }
  if (deps.sandboxMode && isLoopback(request)) {
    if (options.page === true) {
      // Sandbox mode has no sign-in; the page's session exists for its CSRF token.
      const started = await startSession(deps, { companyId, userId: 0 });
      setSessionCookie(reply, deps.publicUrl(), started.id);
      return { companyId, via: 'session', csrf: started.session.csrf, session: started.session };
    }
    if (UNSAFE.has(request.method) && !isJson(request)) requireCsrf(request, undefined);
    return { companyId, via: 'sandbox', csrf: '' };
  }
  throw new SignInRequired(companyId, options.page === true ? returnPath(request) : undefined);
}

/** 401 for a company route without credentials; a page's answer links to the sign-in. */
export class SignInRequired extends HttpError<'access_denied'> {
  constructor(
    companyId: number,
    /** The page to come back to after signing in; undefined for the API. */
    readonly returnTo: string | undefined,
  ) {
    super(
      401,
      'access_denied',
      returnTo === undefined
        ? `An API key of company ${companyId} is required (Authorization: Bearer …)`
        : `Sign in with Pipedrive as an admin of company ${companyId} to open this page`,
    );
  }

  get signInUrl(): string | undefined {
    if (this.returnTo === undefined) return undefined;
    const company = /[?&]company=(\d+)/.exec(this.returnTo)?.[1];
    const query = new URLSearchParams({ return: this.returnTo });
    if (company !== undefined) query.set('company', company);
    return `/auth/pipedrive?${query.toString()}`;
  }
}

function otherCompany(companyId: number): HttpError {
  return new HttpError(
    403,
    'access_denied',
    `These credentials are not for company ${companyId}; sign in again as an admin of that company`,
  );
}

function requireCsrf(request: FastifyRequest, expected: string | undefined): void {
  const body = request.body as Record<string, unknown> | undefined;
  const given =
    request.headers['x-csrf-token'] ??
    (typeof body === 'object' && body !== null ? body['_csrf'] : undefined);
  if (expected === undefined || typeof given !== 'string' || given !== expected) {
    throw new HttpError(
      403,
      'csrf_invalid',
      'This form is out of date or did not come from this app; reload the page and try again',
    );
  }
}

function isJson(request: FastifyRequest): boolean {
  return /^application\/json\b/i.test(request.headers['content-type'] ?? 'application/json');
}

/** Sandbox mode serves loopback only (README "Access"); anything else signs in as usual. */
export function isLoopback(request: FastifyRequest): boolean {
  const address = request.socket.remoteAddress ?? '';
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

/** Where a page request came from, to return to after signing in (a path of this app only). */
function returnPath(request: FastifyRequest): string {
  return request.url.length <= 1000 ? request.url : request.url.split('?')[0]!;
}

/**
 * A positive integer id as people and vendors write it: decimal digits only, no sign, spaces, hex,
 * exponent or leading zero, at most Number.MAX_SAFE_INTEGER. JSON numbers are taken when integral.
 */
export const idParam = z.union([
  z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/, 'must be a positive whole number written in digits')
    .transform(Number)
    .refine(Number.isSafeInteger, 'is too large'),
]);

export function companyIdOf(params: unknown): number {
  const parsed = idParam.safeParse(
    (params as { id?: unknown; companyId?: unknown }).id ??
      (params as { companyId?: unknown }).companyId,
  );
  if (!parsed.success) throw new HttpError(404, 'company_not_found', 'No such company');
  return parsed.data;
}
