import type { FastifyRequest } from 'fastify';
import { z } from 'zod';

import type { Signer, TokenPurpose } from '../services/signed-token.js';
import { HttpError } from './error-handler.js';

/**
 * Who may act for a company (invariant 5). Outside sandbox mode a company route needs the company's
 * link token — `Authorization: Bearer <token>` or `?token=` — as shown after install and by
 * `pipedrive-xero status --links`; a replay page accepts the run's own token from the deal note.
 * In sandbox mode (demo data, loopback only) no token is asked for.
 */
export function requireCompanyAccess(
  deps: { signer: Signer; sandboxMode: boolean },
  request: FastifyRequest,
  companyId: number,
  also?: { purpose: TokenPurpose; run: string },
): void {
  if (deps.sandboxMode) return;
  const token = tokenOf(request);
  if (token !== undefined) {
    const company = deps.signer.verify(token, 'company');
    if (company?.['company'] === companyId) return;
    if (also !== undefined) {
      const scoped = deps.signer.verify(token, also.purpose);
      if (scoped?.['company'] === companyId && scoped['run'] === also.run) return;
    }
  }
  throw new HttpError(
    401,
    'access_denied',
    `A valid link token for company ${companyId} is required`,
  );
}

function tokenOf(request: FastifyRequest): string | undefined {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  if (bearer?.[1] !== undefined) return bearer[1];
  const query = request.query as Record<string, unknown> | undefined;
  const body = request.body as Record<string, unknown> | undefined;
  const fromQuery =
    query?.['token'] ?? (body && typeof body === 'object' ? body['token'] : undefined);
  return typeof fromQuery === 'string' ? fromQuery : undefined;
}

/** A positive integer id from a route parameter or query value. */
export const idParam = z.coerce.number().int().positive();

export function companyIdOf(params: unknown): number {
  const parsed = idParam.safeParse(
    (params as { id?: unknown; companyId?: unknown }).id ??
      (params as { companyId?: unknown }).companyId,
  );
  if (!parsed.success) throw new HttpError(404, 'company_not_found', 'No such company');
  return parsed.data;
}
