import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import { statusReport } from '../../services/status-report.js';
import { idParam, requireCompanyAccess } from '../access.js';
import type { HttpDeps } from '../deps.js';

/**
 * GET /api/status[?company=<id>]: queue counts, and the connections and last runs of one company
 * (its link token needed outside sandbox mode) or, in sandbox mode only, of every company.
 */
const statusQuery = z.object({ company: idParam.optional() });

export function registerStatusRoutes(app: FastifyInstance, deps: HttpDeps): void {
  app.get('/api/status', async (request) => {
    const { company } = statusQuery.parse(request.query);
    if (company !== undefined) {
      requireCompanyAccess(deps, request, company);
      return statusReport(deps.db, { companyId: company, now: deps.clock.now() });
    }
    return statusReport(deps.db, { queueOnly: !deps.sandboxMode, now: deps.clock.now() });
  });
}
