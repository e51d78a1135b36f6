import type { FastifyInstance, FastifyReply } from 'fastify';

import { xeroConnectUrl } from '../../services/links.js';
import { statusReport } from '../../services/status-report.js';
import { disconnectXero } from '../../services/xero-connect.js';
import { getBulkSync } from '../../store/repos/bulk-sync.js';
import { getCompany, updateCompanySettings } from '../../store/repos/companies.js';
import { getUsage, usageMonth } from '../../store/repos/usage.js';
import { defaultSettings, parseSettings, type Settings } from '../../sync/settings.js';
import { validateSettings } from '../api/settings.js';
import { HttpError } from '../error-handler.js';
import type { HttpDeps } from '../server.js';
import { bulkStatusText } from './bulk-sync-routes.js';
import type { UiContext } from './layout.js';
import { createChoicesLoader } from '../../services/settings-choices.js';
import { type FormValues, formToInput, settingsToForm } from './settings-form.js';
import { renderSettingsPage } from './settings-page.js';
import { uiContext } from './ui-access.js';

/**
 * GET /ui/settings, POST /ui/settings (save), GET /ui/settings/export, POST /ui/settings/import,
 * POST /ui/xero/disconnect. Saving and importing validate exactly as PUT /api/companies/:id/settings
 * does (validateSettings: the schema, then the organisation's codes); a refusal re-renders the page
 * with every problem next to its field and stores nothing.
 */
const DEFAULT_QUOTA = 100;

export function registerSettingsUiRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const html = { config: { html: true } };
  const choices = createChoicesLoader(deps);

  async function render(
    reply: FastifyReply,
    context: UiContext,
    values: FormValues,
    outcome: { errors?: string[]; notice?: string; status?: number } = {},
  ) {
    const { companyId } = context;
    const [loaded, report, used, bulk] = await Promise.all([
      choices.load(companyId),
      statusReport(deps.db, { companyId, runs: 1, now: deps.clock.now() }),
      getUsage(deps.db, companyId, usageMonth(deps.clock.now())),
      bulkStates(deps, companyId),
    ]);
    const company = report.companies[0];
    const page = renderSettingsPage({
      context,
      values,
      errors: outcome.errors ?? [],
      ...(outcome.notice !== undefined && { notice: outcome.notice }),
      choices: loaded,
      pipedrive: company?.pipedrive ?? null,
      xero: company?.xero ?? null,
      catchUp: { webhook: company?.catchUp?.webhook ?? null, last: company?.catchUp?.last ?? null },
      connectUrl: xeroConnectUrl('', deps.signer, companyId),
      usage: {
        month: usageMonth(deps.clock.now()),
        used,
        quota: deps.planMonthlyQuota ?? DEFAULT_QUOTA,
      },
      bulk,
    });
    return reply
      .code(outcome.status ?? 200)
      .type('text/html; charset=utf-8')
      .send(page);
  }

  /** Validates and stores, or re-renders with the problems (status 400) and stores nothing. */
  async function save(reply: FastifyReply, context: UiContext, input: unknown, values: FormValues) {
    try {
      const settings = await validateSettings(deps, context.companyId, input);
      await updateCompanySettings(deps.db, context.companyId, settings);
      return render(reply, context, settingsToForm(settings), { notice: 'Settings saved.' });
    } catch (error) {
      if (!(error instanceof HttpError) || !Array.isArray(error.details)) throw error;
      const errors = error.details.map(String);
      return render(reply, context, values, { errors, status: 400 });
    }
  }

  app.get('/ui/settings', html, async (request, reply) => {
    const context = uiContext(deps, request);
    return render(reply, context, settingsToForm(await storedSettings(deps, context.companyId)));
  });

  app.post('/ui/settings', html, async (request, reply) => {
    const context = uiContext(deps, request);
    const values = request.body as FormValues;
    return save(reply, context, formToInput(values), values);
  });

  app.get('/ui/settings/export', html, async (request, reply) => {
    const context = uiContext(deps, request);
    const settings = await storedSettings(deps, context.companyId);
    return reply
      .type('application/json; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="pipedrive-xero-settings-${context.companyId}.json"`,
      )
      .send(JSON.stringify(settings, null, 2));
  });

  app.post('/ui/settings/import', html, async (request, reply) => {
    const context = uiContext(deps, request);
    const current = settingsToForm(await storedSettings(deps, context.companyId));
    const raw = (request.body as { settingsJson?: unknown }).settingsJson;
    let input: unknown;
    try {
      input = JSON.parse(typeof raw === 'string' ? raw : '');
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return render(reply, context, current, {
        errors: [`import: the file is not JSON (${why})`],
        status: 400,
      });
    }
    // An export is the settings object itself; `{ settings }` (the API's answer) is accepted too.
    const settings =
      typeof input === 'object' && input !== null && 'settings' in input
        ? (input as { settings: unknown }).settings
        : input;
    return save(reply, context, settings, current);
  });

  app.post('/ui/xero/disconnect', html, async (request, reply) => {
    const context = uiContext(deps, request);
    const disconnected = await disconnectXero(deps, context.companyId);
    return render(reply, context, settingsToForm(await storedSettings(deps, context.companyId)), {
      notice: disconnected ? 'Xero disconnected.' : 'Xero was not connected.',
    });
  });
}

async function storedSettings(deps: HttpDeps, companyId: number): Promise<Settings> {
  const company = await getCompany(deps.db, companyId);
  if (company === undefined)
    throw new HttpError(404, 'company_not_found', `Company ${companyId} has not installed the app`);
  const parsed = parseSettings(company.settings);
  // Stored settings that no longer parse are shown as defaults; saving replaces them.
  return parsed.ok ? parsed.settings : defaultSettings();
}

async function bulkStates(deps: HttpDeps, companyId: number) {
  const report = await statusReport(deps.db, { companyId, runs: 1, now: deps.clock.now() });
  const tenantId = report.companies[0]?.xero?.tenantId;
  return Promise.all(
    (['customers', 'products'] as const).map(async (what) => {
      const state =
        tenantId === undefined
          ? undefined
          : await getBulkSync(deps.db, { companyId, tenantId, what });
      return { what, ...bulkStatusText(state) };
    }),
  );
}
