import type { FastifyInstance, FastifyReply } from 'fastify';

import { saveSettings, settingsOrDefaults } from '../../services/settings.js';
import { createChoicesLoader } from '../../services/settings-choices.js';
import { settingsPageData } from '../../services/settings-page.js';
import { disconnectXero } from '../../services/xero-connect.js';
import type { HttpDeps } from '../deps.js';
import { bulkStatusText } from './bulk-sync-routes.js';
import type { UiContext } from './layout.js';
import { formToInput, type FormValues, settingsToForm } from './settings-form.js';
import { renderSettingsPage } from './settings-page.js';
import { uiContext } from './ui-access.js';

/**
 * GET /ui/settings, POST /ui/settings (save), GET /ui/settings/export, POST /ui/settings/import,
 * POST /ui/xero/disconnect. Saving and importing validate exactly as PUT /api/companies/:id/settings
 * does (services/settings.ts saveSettings: the schema, then the organisation's codes); a refusal
 * re-renders the page with every problem next to its field and stores nothing.
 */
export function registerSettingsUiRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const html = { config: { html: true } };
  const choices = createChoicesLoader(deps);

  async function render(
    reply: FastifyReply,
    context: UiContext,
    values: FormValues,
    outcome: { errors?: string[]; notice?: string; status?: number } = {},
  ) {
    const data = await settingsPageData(deps, choices, context.companyId);
    const page = renderSettingsPage({
      context,
      values,
      errors: outcome.errors ?? [],
      ...(outcome.notice !== undefined && { notice: outcome.notice }),
      ...data,
      bulk: data.bulk.map(({ what, state }) => ({ what, ...bulkStatusText(state) })),
    });
    return reply
      .code(outcome.status ?? 200)
      .type('text/html; charset=utf-8')
      .send(page);
  }

  /** Stores valid settings, or re-renders with the problems (status 400) and stores nothing. */
  async function save(reply: FastifyReply, context: UiContext, input: unknown, values: FormValues) {
    const saved = await saveSettings(deps, context.companyId, input);
    if (!saved.ok) return render(reply, context, values, { errors: saved.problems, status: 400 });
    return render(reply, context, settingsToForm(saved.settings), { notice: 'Settings saved.' });
  }

  app.get('/ui/settings', html, async (request, reply) => {
    const context = await uiContext(deps, request, reply);
    return render(
      reply,
      context,
      settingsToForm(await settingsOrDefaults(deps, context.companyId)),
    );
  });

  app.post('/ui/settings', html, async (request, reply) => {
    const context = await uiContext(deps, request, reply);
    const values = request.body as FormValues;
    return save(reply, context, formToInput(values), values);
  });

  app.get('/ui/settings/export', html, async (request, reply) => {
    const context = await uiContext(deps, request, reply);
    const settings = await settingsOrDefaults(deps, context.companyId);
    return reply
      .type('application/json; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="pipedrive-xero-settings-${context.companyId}.json"`,
      )
      .send(JSON.stringify(settings, null, 2));
  });

  app.post('/ui/settings/import', html, async (request, reply) => {
    const context = await uiContext(deps, request, reply);
    const current = settingsToForm(await settingsOrDefaults(deps, context.companyId));
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
    const context = await uiContext(deps, request, reply);
    const disconnected = await disconnectXero(deps, context.companyId);
    const current = await settingsOrDefaults(deps, context.companyId);
    return render(reply, context, settingsToForm(current), {
      notice: disconnected ? 'Xero disconnected.' : 'Xero was not connected.',
    });
  });
}
