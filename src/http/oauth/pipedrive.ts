import escapeHtml from 'escape-html';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import { verifyBasicAuth } from '../../pipedrive/webhook-auth.js';
import { xeroConnectUrl } from '../../services/links.js';
import {
  installPipedrive,
  isOurInstallState,
  pipedriveInstallUrl,
  uninstallPipedrive,
} from '../../services/pipedrive-install.js';
import type { HttpDeps } from '../deps.js';
import { HttpError } from '../error-handler.js';
import { page } from '../html.js';

/**
 * Installing from outside the Marketplace (docs/vendors/pipedrive.md §1.1) and the uninstall callback (§1.9).
 * The OAuth `state` is signed by us and expires after 15 minutes, so a callback we did not start
 * is refused. After a first install the browser goes on to connect Xero; a re-install with Xero
 * already connected ends on a small page.
 */
const callbackQuery = z.object({
  code: z.string().min(1).optional(),
  state: z.string().min(1).optional(),
  error: z.string().optional(),
});

const uninstallBody = z.object({
  client_id: z.string(),
  company_id: z.coerce.number().int().positive(),
  user_id: z.coerce.number().int().positive().optional(),
});

export function registerPipedriveOAuthRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const html = { config: { html: true } };

  app.get('/oauth/pipedrive/install', html, async (_request, reply) =>
    reply.redirect(pipedriveInstallUrl(deps), 302),
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
    if (!isOurInstallState(deps, query.state)) {
      throw new HttpError(
        400,
        'oauth_state_invalid',
        'This install link is not ours or has expired; start the install again',
      );
    }
    if (query.code === undefined)
      throw new HttpError(400, 'oauth_code_missing', 'Pipedrive sent no code');
    const installed = await installPipedrive(deps, query.code);
    const connect = xeroConnectUrl(deps.publicUrl(), deps.signer, installed.companyId);
    if (!installed.xeroConnected) return reply.redirect(connect, 303);
    return reply.type('text/html; charset=utf-8').send(
      page(
        'Installed',
        `<p>pipedrive-xero is installed for <strong>${escapeHtml(installed.domain)}</strong> and Xero is connected.</p>
<p><a href="${escapeHtml(connect)}">Connect another Xero organisation</a></p>`,
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
    const deleted = await uninstallPipedrive(deps, body.company_id);
    return reply.send({ status: deleted ? 'uninstalled' : 'not_installed' });
  });
}
