import { randomUUID } from 'node:crypto';

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import type { PipedriveAppSeed } from '../world.js';
import { renderCustomUiHost } from './custom-ui-host.js';
import { callJsonPanel, callPanelAction, type ExtensionDriverDeps } from './panel-driver.js';
import { signPanelToken } from './panel-jwt.js';
import { PANEL_FIELD_TYPES, type PanelFieldType } from './panel-schema.js';
import { buildLinkActionUrl, customUiUrl } from './urls.js';

export interface ExtensionControlDeps extends ExtensionDriverDeps {
  findApp: (clientId: string) => PipedriveAppSeed | undefined;
  /** Who is "looking at the page" when a call names no one (demo: company 7001, user 1001). */
  defaultViewer: { companyId: number; userId: number };
  /** The app's declared panel fields, if the seed knows them; a call's `fields` overrides. */
  panelFieldsFor?: (
    clientId: string,
    resource: 'deal' | 'person' | 'organization',
  ) => Record<string, PanelFieldType> | undefined;
}

const panelResource = z.enum(['deal', 'person', 'organization']);
const tamper = z.enum(['bad-signature', 'other-company', 'expired']).optional();
const viewer = {
  clientId: z.string().min(1),
  companyId: z.coerce.number().int().positive().optional(),
  userId: z.coerce.number().int().positive().optional(),
};
const ids = z
  .string()
  .regex(/^(\d+(,\d+)*)?$/)
  .transform((text) => (text === '' ? [] : text.split(',').map(Number)));

const panelCall = z.strictObject({
  ...viewer,
  resource: panelResource,
  selectedId: z.number().int().positive(),
  isShared: z.boolean().optional(),
  tamper,
  fields: z.record(z.string(), z.enum(PANEL_FIELD_TYPES)).optional(),
});
const actionCall = z.strictObject({
  ...viewer,
  url: z.url(),
  resource: panelResource,
  selectedId: z.number().int().positive(),
  values: z.record(z.string(), z.unknown()).default({}),
  tamper,
});
const linkQuery = z.strictObject({
  ...viewer,
  url: z.url(),
  resource: z.enum(['deal', 'person', 'organization', 'activity', 'product']),
  view: z.enum(['details', 'list']).default('details'),
  selectedIds: ids,
  excludedIds: ids.optional(),
  filter: z.string().optional(),
  withToken: z.enum(['true', 'false']).default('false'),
});
const customUiQuery = z.strictObject({
  ...viewer,
  url: z.url(),
  resource: z.enum(['deal', 'person', 'organization', 'activity', 'product']).default('deal'),
  view: z.enum(['details', 'list']).default('details'),
  selectedIds: ids.default([]),
  theme: z.enum(['light', 'dark']).default('light'),
});
const tokenQuery = z.strictObject(viewer);

/** Control routes that play Pipedrive's side of app extensions (root scope). */
export function registerPipedriveExtensionControlRoutes(
  app: FastifyInstance,
  deps: ExtensionControlDeps,
): void {
  const appOf = (clientId: string) => {
    const seed = deps.findApp(clientId);
    if (!seed) throw Object.assign(new Error(`unknown app ${clientId}`), { statusCode: 404 });
    return seed;
  };
  const whoOf = (input: { companyId?: number | undefined; userId?: number | undefined }) => ({
    companyId: input.companyId ?? deps.defaultViewer.companyId,
    userId: input.userId ?? deps.defaultViewer.userId,
  });

  app.post('/__sandbox/pipedrive/panels/call', async (request) => {
    const body = panelCall.parse(request.body ?? {});
    const seed = appOf(body.clientId);
    const fields = body.fields ?? deps.panelFieldsFor?.(seed.clientId, body.resource);
    try {
      return await callJsonPanel(
        seed,
        {
          ...whoOf(body),
          resource: body.resource,
          selectedId: body.selectedId,
          ...(body.isShared !== undefined && { isShared: body.isShared }),
          ...(body.tamper !== undefined && { tamper: body.tamper }),
          ...(fields !== undefined && { fields }),
        },
        deps,
      );
    } catch (error) {
      throw Object.assign(error as Error, { statusCode: 400 });
    }
  });

  app.post('/__sandbox/pipedrive/panels/action', async (request) => {
    const body = actionCall.parse(request.body ?? {});
    return callPanelAction(
      appOf(body.clientId),
      {
        url: body.url,
        resource: body.resource,
        selectedId: body.selectedId,
        values: body.values,
        ...whoOf(body),
        ...(body.tamper !== undefined && { tamper: body.tamper }),
      },
      deps,
    );
  });

  app.get('/__sandbox/pipedrive/extensions/link-action-url', async (request) => {
    const query = linkQuery.parse(request.query);
    const seed = appOf(query.clientId);
    const who = whoOf(query);
    return {
      url: buildLinkActionUrl({
        url: query.url,
        resource: query.resource,
        view: query.view,
        ...who,
        selectedIds: query.selectedIds,
        ...(query.excludedIds !== undefined && { excludedIds: query.excludedIds }),
        ...(query.filter !== undefined && {
          filter: JSON.parse(query.filter) as Record<string, unknown>,
        }),
        ...(query.withToken === 'true' && { token: await signPanelToken(seed, who, deps.clock) }),
      }),
    };
  });

  const customUi = async (query: z.output<typeof customUiQuery>) => {
    const who = whoOf(query);
    const token = await signPanelToken(appOf(query.clientId), who, deps.clock);
    const id = randomUUID();
    const { clientId: _client, companyId: _company, userId: _user, ...rest } = query;
    return { id, token, url: customUiUrl({ ...rest, ...who, id, token }) };
  };

  app.get('/__sandbox/pipedrive/extensions/custom-ui-url', async (request) =>
    customUi(customUiQuery.parse(request.query)),
  );

  // get_signed_token: a fresh JWT valid 5 min carrying the user and company ids (§7.4).
  app.get('/__sandbox/pipedrive/extensions/signed-token', async (request) => {
    const query = tokenQuery.parse(request.query);
    return {
      token: await signPanelToken(appOf(query.clientId), whoOf(query), deps.clock, {
        expiresInSeconds: 300,
      }),
    };
  });

  app.get('/__sandbox/pipedrive/custom-ui-host', async (request, reply) => {
    const query = customUiQuery.parse(request.query);
    const { id, url } = await customUi(query);
    const who = whoOf(query);
    const tokenUrl = `/__sandbox/pipedrive/extensions/signed-token?${new URLSearchParams({
      clientId: query.clientId,
      companyId: String(who.companyId),
      userId: String(who.userId),
    })}`;
    return reply
      .type('text/html; charset=utf-8')
      .send(renderCustomUiHost({ iframeUrl: url, id, tokenUrl }));
  });
}
