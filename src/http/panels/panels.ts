import type { FastifyInstance } from 'fastify';

import { showPanel } from '../../services/panels.js';
import type { HttpDeps } from '../deps.js';
import { refusedPanelBody, verifyPanelRequest } from './panel-request.js';

/**
 * GET /panels/organization, /panels/person, /panels/deal — Pipedrive's JSON panels (docs/vendors/pipedrive.md
 * §7.1): the JWT is verified on every call (a refused token is the panel's error state, 401/403),
 * then services/panels.ts answers with the panel body or its error state.
 */
export function registerPanelRoutes(app: FastifyInstance, deps: HttpDeps): void {
  for (const resource of ['organization', 'person', 'deal'] as const) {
    app.get(`/panels/${resource}`, async (request, reply) => {
      const verified = await verifyPanelRequest(
        request.query,
        [resource],
        deps.pipedriveClient.clientSecret,
        deps.clock,
      );
      if (!verified.ok) return reply.code(verified.status).send(refusedPanelBody(verified));
      const { companyId, selectedId } = verified.caller;
      const answer = await showPanel(deps, companyId, resource, selectedId);
      return reply.code(answer.status).send(answer.body);
    });
  }
}
