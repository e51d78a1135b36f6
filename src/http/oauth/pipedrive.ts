import escapeHtml from 'escape-html';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import { verifyBasicAuth } from '../../pipedrive/webhook-auth.js';
import { xeroConnectUrl } from '../../services/links.js';
import { takeState } from '../../services/oauth-states.js';
import { completePipedriveOAuth, uninstallPipedrive } from '../../services/pipedrive-install.js';
import { idParam } from '../access.js';
import { cookieOf, OAUTH_COOKIE, setSessionCookie } from '../cookies.js';
import type { HttpDeps } from '../deps.js';
import { HttpError } from '../error-handler.js';
import { page } from '../html.js';
import { startOAuth } from './start.js';

/**
 * Installing from outside the Marketplace (docs/vendors/pipedrive.md §1.1), signing in with
 * Pipedrive (docs/access.md), and the uninstall callback (§1.9). Install and sign-in share
 * Pipedrive's one registered callback; the `state` says which it was (services/oauth-states.ts:
 * single use, 15 minutes, bound to this browser's cookie). Only an admin of the company gets
 * through (services/pipedrive-install.ts). After a first install the browser goes on to connect
 * Xero; a sign-in returns to the page that asked for it.
 */
const callbackQuery = z.object({
  code: z.string().min(1).max(2000).optional(),
  state: z.string().min(1).max(200).optional(),
  error: z.string().max(200).optional(),
});

const uninstallBody = z.object({
  client_id: z.string(),
  company_id: idParam,
  user_id: idParam.optional(),
});

export function registerPipedriveOAuthRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const html = { config: { html: true } };

  app.get('/oauth/pipedrive/install', html, async (request, reply) =>
    startOAuth(deps, request, reply, { purpose: 'pipedrive-install' }),
  );

  app.get('/oauth/pipedrive/callback', html, async (request, reply) => {
    const query = callbackQuery.parse(request.query);
    if (query.error !== undefined) {
      throw new HttpError(
        400,
        'pipedrive_install_denied',
        `Pipedrive did not install the app: ${query.error}`,
      );
    }
    const started = await takeState(deps, query.state, cookieOf(request, OAUTH_COOKIE), [
      'pipedrive-install',
      'pipedrive-sign-in',
    ]);
    if (started === undefined) {
      throw new HttpError(
        400,
        'oauth_state_invalid',
        'This sign-in link was not started in this browser, was used already or has expired; start again',
      );
    }
    if (query.code === undefined)
      throw new HttpError(400, 'oauth_code_missing', 'Pipedrive sent no code');
    const purpose = started.purpose === 'pipedrive-sign-in' ? started.purpose : 'pipedrive-install';
    const done = await completePipedriveOAuth(deps, query.code, purpose);
    setSessionCookie(reply, deps.publicUrl(), done.session.id);
    const connect = xeroConnectUrl(deps.publicUrl(), done.companyId);
    if (purpose === 'pipedrive-sign-in')
      return reply.redirect(started.returnTo ?? `/ui/settings?company=${done.companyId}`, 303);
    if (!done.xeroConnected) return reply.redirect(connect, 303);
    return reply.type('text/html; charset=utf-8').send(
      page(
        'Installed',
        `<p>pipedrive-xero is installed for <strong>${escapeHtml(done.domain)}</strong> and Xero is connected.</p>
<p><a href="/ui/settings?company=${done.companyId}">Settings</a> · <a href="${escapeHtml(connect)}">Connect another Xero organisation</a></p>`,
      ),
    );
  });

  // Pipedrive's uninstall callback: DELETE <callback URL> with Basic client_id:client_secret.
  app.delete('/oauth/pipedrive/callback', async (request, reply) => {
    const { clientId, clientSecret } = deps.pipedriveClient;
    if (!verifyBasicAuth(request.headers.authorization, clientId, clientSecret)) {
      throw new HttpError(401, 'uninstall_unauthorized', 'Wrong or missing client credentials');
    }
    const body = uninstallBody.parse(request.body);
    if (body.client_id !== clientId) {
      throw new HttpError(400, 'request_invalid', 'client_id is not this app');
    }
    const deleted = await uninstallPipedrive(deps, body.company_id, { by: body.user_id });
    return reply.send({ status: deleted ? 'uninstalled' : 'not_installed' });
  });
}
