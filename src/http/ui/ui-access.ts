import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

import { idParam, requireCompanyAccess } from '../access.js';
import type { HttpDeps } from '../deps.js';
import type { UiContext } from './layout.js';

/**
 * The company of a page request (`company` in the query, or in the posted form) after the access
 * check of http/access.ts: a signed-in admin's session of that company (a form also posts the
 * session's CSRF token), or sandbox mode on loopback.
 */
const companyField = z.object({ company: idParam });

export async function uiContext(
  deps: HttpDeps,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<UiContext> {
  const source = request.method === 'GET' ? request.query : request.body;
  const { company } = companyField.parse(
    typeof source === 'object' && source !== null ? source : {},
  );
  const access = await requireCompanyAccess(deps, request, reply, company, {
    page: request.method === 'GET',
  });
  return { companyId: company, csrf: access.csrf };
}
