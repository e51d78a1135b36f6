import type { FastifyInstance } from 'fastify';

import { checkSettingsAgainstXero } from '../../services/settings-check.js';
import { getCompany, updateCompanySettings } from '../../store/repos/companies.js';
import { getXeroConnection } from '../../store/repos/xero-connections.js';
import { parseSettings, type Settings } from '../../sync/settings.js';
import { companyIdOf, requireCompanyAccess } from '../access.js';
import { HttpError } from '../error-handler.js';
import type { HttpDeps } from '../server.js';

/**
 * GET/PUT /api/companies/:id/settings. A PUT is validated in full (every problem at once, unknown
 * keys named — sync/settings.ts) and then against the connected Xero organisation's accounts and
 * tax rates; nothing is stored unless all of it passes (invariant 8).
 */
export function registerSettingsRoutes(app: FastifyInstance, deps: HttpDeps): void {
  app.get('/api/companies/:id/settings', async (request) => {
    const companyId = companyIdOf(request.params);
    requireCompanyAccess(deps, request, companyId);
    const company = await getCompany(deps.db, companyId);
    if (company === undefined)
      throw new HttpError(
        404,
        'company_not_found',
        `Company ${companyId} has not installed the app`,
      );
    const parsed = parseSettings(company.settings);
    if (!parsed.ok)
      throw new HttpError(
        409,
        'settings_invalid',
        `Stored settings are invalid: ${parsed.errors.join('; ')}`,
        parsed.errors,
      );
    return { settings: parsed.settings };
  });

  app.put('/api/companies/:id/settings', async (request) => {
    const companyId = companyIdOf(request.params);
    requireCompanyAccess(deps, request, companyId);
    const settings = await validateSettings(deps, companyId, request.body);
    await updateCompanySettings(deps.db, companyId, settings);
    return { settings };
  });
}

/** The settings as they would be stored, or an HttpError naming every problem. */
export async function validateSettings(
  deps: Pick<HttpDeps, 'db' | 'box' | 'connections'>,
  companyId: number,
  input: unknown,
): Promise<Settings> {
  if ((await getCompany(deps.db, companyId)) === undefined) {
    throw new HttpError(404, 'company_not_found', `Company ${companyId} has not installed the app`);
  }
  const parsed = parseSettings(input);
  if (!parsed.ok) {
    throw new HttpError(
      400,
      'settings_invalid',
      `Invalid settings: ${parsed.errors.join('; ')}`,
      parsed.errors,
    );
  }
  const xero = await getXeroConnection(deps.db, deps.box, companyId);
  if (xero !== undefined) {
    const unknown = await checkSettingsAgainstXero(
      deps.connections.xero,
      { companyId: String(companyId), tenantId: xero.tenantId },
      parsed.settings,
    );
    if (unknown.length > 0) {
      throw new HttpError(
        400,
        'settings_unknown_xero_codes',
        `Not in ${xero.tenantName}: ${unknown.join('; ')}`,
        unknown,
      );
    }
  }
  return parsed.settings;
}
