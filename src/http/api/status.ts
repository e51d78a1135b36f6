import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import { statusReport } from '../../services/status-report.js';
import { idParam, isLoopback, requireCompanyAccess } from '../access.js';
import type { HttpDeps } from '../deps.js';
import { HttpError } from '../error-handler.js';

/**
 * GET /api/status?company=<id>: queue counts, and the connections and last runs of that one company,
 * for its API key or a signed-in admin's session (docs/access.md). Without a company, only in
 * sandbox mode on loopback: every company (the demo's one), as `pipedrive-xero status` prints it.
 */
const statusQuery = z.object({ company: idParam.optional() });

export function registerStatusRoutes(app: FastifyInstance, deps: HttpDeps): void {
  app.get('/api/status', async (request, reply) => {
    const { company } = statusQuery.parse(request.query);
    if (company !== undefined) {
      await requireCompanyAccess(deps, request, reply, company);
      return statusReport(deps.db, { companyId: company, now: deps.clock.now() });
    }
    if (!(deps.sandboxMode && isLoopback(request) && request.headers.authorization === undefined))
      throw new HttpError(400, 'request_invalid', 'Name the company: /api/status?company=<id>');
    return statusReport(deps.db, { now: deps.clock.now() });
  });
}
