import type { FastifyRequest } from 'fastify';
import { z } from 'zod';

import { idParam, requireCompanyAccess } from '../access.js';
import type { HttpDeps } from '../deps.js';
import type { UiContext } from './layout.js';

/**
 * The company of a page request (`company` in the query, or in the posted form) after the same
 * access check as the API (http/access.ts: the link token, as `?token=` or a form field, outside
 * sandbox mode). The token is kept so the page's links and forms carry it on.
 */
const companyField = z.object({ company: idParam, token: z.string().optional() });

export function uiContext(
  deps: Pick<HttpDeps, 'signer' | 'sandboxMode'>,
  request: FastifyRequest,
): UiContext {
  const source = request.method === 'GET' ? request.query : request.body;
  const { company, token } = companyField.parse(
    typeof source === 'object' && source !== null ? source : {},
  );
  requireCompanyAccess(deps, request, company);
  return { companyId: company, token: token ?? '' };
}
