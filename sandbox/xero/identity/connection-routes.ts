import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import { bearerRefused, sendProblem } from '../transport/problems.js';
import type { XeroIdentity } from './identity.js';

/** GET /connections and DELETE /connections/{id} (docs/vendors/xero.md §1.4): Bearer only, no tenant header. */
export function registerConnectionRoutes(app: FastifyInstance, identity: XeroIdentity): void {
  app.get('/connections', async (request, reply) => {
    const access = identity.checkBearer(request.headers.authorization);
    if (!access.ok) return sendProblem(reply, bearerRefused(access));
    const { authEventId } = z.object({ authEventId: z.string().optional() }).parse(request.query);
    return identity.grants.connections(access.record.grantId, authEventId);
  });

  app.delete('/connections/:id', async (request, reply) => {
    const access = identity.checkBearer(request.headers.authorization);
    if (!access.ok) return sendProblem(reply, bearerRefused(access));
    const { id } = z.object({ id: z.string() }).parse(request.params);
    const removed = identity.grants.disconnect(access.record.grantId, id);
    return reply.code(removed ? 204 : 404).send();
  });
}
