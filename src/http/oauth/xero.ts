import escapeHtml from 'escape-html';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import { companyToken } from '../../services/links.js';
import {
  chooseXeroTenant,
  completeXeroConnect,
  consentCompany,
  disconnectXero,
  xeroCallbackUrl,
  xeroConsentUrl,
  type XeroTenantChoice,
} from '../../services/xero-connect.js';
import { idParam, requireCompanyAccess } from '../access.js';
import type { HttpDeps } from '../deps.js';
import { HttpError } from '../error-handler.js';
import { page } from '../html.js';

/**
 * Connecting the company's one Xero organisation (docs/vendors/xero.md §1–§2):
 * GET /oauth/xero/connect?company=<id>[&token=<link token>] → Xero's consent (offline_access
 * among the scopes, so we get a refresh token); GET /oauth/xero/callback → connected, or the
 * organisation picker (a form POSTing to /oauth/xero/choose); POST /oauth/xero/disconnect.
 */
const connectQuery = z.object({ company: idParam });
const callbackQuery = z.object({
  code: z.string().min(1).optional(),
  state: z.string().min(1).optional(),
  error: z.string().optional(),
});
const chooseBody = z.object({ pending: z.string().min(1), tenantId: z.string().min(1) });
const disconnectBody = z.object({ company: idParam });

export function registerXeroOAuthRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const html = { config: { html: true } };

  app.get('/oauth/xero/connect', html, async (request, reply) => {
    const { company } = connectQuery.parse(request.query);
    requireCompanyAccess(deps, request, company);
    return reply.redirect(await xeroConsentUrl(deps, company), 302);
  });

  app.get('/oauth/xero/callback', html, async (request, reply) => {
    // The same three checks as Pipedrive's callback (oauth/pipedrive.ts), in Xero's words.
    const query = callbackQuery.parse(request.query);
    if (query.error !== undefined) {
      throw new HttpError(400, 'xero_connect_denied', `Xero did not connect: ${query.error}`);
    }
    const company = consentCompany(deps, query.state);
    if (company === undefined) {
      throw new HttpError(
        400,
        'oauth_state_invalid',
        'This connect link is not ours or has expired; start again',
      );
    }
    if (query.code === undefined)
      throw new HttpError(400, 'oauth_code_missing', 'Xero sent no code');
    const result = await completeXeroConnect(
      deps,
      company,
      query.code,
      xeroCallbackUrl(deps.publicUrl()),
    );
    reply.type('text/html; charset=utf-8');
    if (result.kind === 'connected') return reply.send(connectedPage(deps, result));
    return reply.send(pickerPage(result.pending, result.tenants));
  });

  app.post('/oauth/xero/choose', html, async (request, reply) => {
    const body = chooseBody.parse(request.body);
    const result = await chooseXeroTenant(deps, body.pending, body.tenantId);
    return reply.type('text/html; charset=utf-8').send(connectedPage(deps, result));
  });

  app.post('/oauth/xero/disconnect', async (request, reply) => {
    const { company } = disconnectBody.parse(request.body);
    requireCompanyAccess(deps, request, company);
    const disconnected = await disconnectXero(deps, company);
    return reply.send({ disconnected });
  });
}

/**
 * Where the install ends: nothing happens until a trigger is set, so the page says so and leads on
 * to the settings page (with the company's link token outside sandbox mode, README "Access").
 */
function connectedPage(
  deps: Pick<HttpDeps, 'signer' | 'sandboxMode'>,
  result: { companyId: number; tenant: XeroTenantChoice },
): string {
  const query = new URLSearchParams({ company: String(result.companyId) });
  if (!deps.sandboxMode) query.set('token', companyToken(deps.signer, result.companyId));
  const settings = `/ui/settings?${query.toString()}`;
  return page(
    'Xero connected',
    `<p>Deals will become draft documents in <strong>${escapeHtml(result.tenant.tenantName)}</strong>.</p>
<p>Nothing happens until you choose a <strong>trigger</strong>: the pipeline stage whose deals become a draft.
A good first one is your pipeline's last stage (for example "Won") → draft invoice.</p>
<p><a href="${escapeHtml(settings)}" data-testid="connected-settings">Choose the first trigger in Settings →</a></p>`,
  );
}

function pickerPage(pending: string, tenants: XeroTenantChoice[]): string {
  const options = tenants
    .map(
      (tenant, index) =>
        `<label><input type="radio" name="tenantId" value="${escapeHtml(tenant.tenantId)}"${index === 0 ? ' checked' : ''}> ${escapeHtml(tenant.tenantName)}</label>`,
    )
    .join('\n');
  return page(
    'Choose a Xero organisation',
    `<p>You authorised several organisations. Drafts go to exactly one: which?</p>
<form method="post" action="/oauth/xero/choose">
<input type="hidden" name="pending" value="${escapeHtml(pending)}">
<fieldset><legend>Organisation</legend>
${options}
</fieldset>
<p><button type="submit">Connect</button></p>
</form>`,
  );
}
