import type { FastifyInstance } from 'fastify';

import { readSettings, saveSettings } from '../../services/settings.js';
import { companyIdOf, requireCompanyAccess } from '../access.js';
import type { HttpDeps } from '../deps.js';
import { HttpError } from '../error-handler.js';

/**
 * GET/PUT /api/companies/:id/settings. A PUT is validated in full and then against the connected
 * Xero organisation (services/settings.ts); nothing is stored unless all of it passes (invariant 8),
 * and a refusal names every problem in `details`.
 */
export function registerSettingsRoutes(app: FastifyInstance, deps: HttpDeps): void {
  app.get('/api/companies/:id/settings', async (request, reply) => {
    const companyId = companyIdOf(request.params);
    await requireCompanyAccess(deps, request, reply, companyId);
    const { parsed } = await readSettings(deps, companyId);
    if (!parsed.ok)
      throw new HttpError(
        409,
        'settings_invalid',
        `Stored settings are invalid: ${parsed.errors.join('; ')}`,
        parsed.errors,
      );
    return { settings: parsed.settings };
  });

  app.put('/api/companies/:id/settings', async (request, reply) => {
    const companyId = companyIdOf(request.params);
    await requireCompanyAccess(deps, request, reply, companyId);
    const saved = await saveSettings(deps, companyId, request.body);
    if (!saved.ok) throw new HttpError(400, saved.code, saved.message, saved.problems);
    return { settings: saved.settings };
  });
}
