import escapeHtml from 'escape-html';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import { takeState } from '../../services/oauth-states.js';
import {
  chooseXeroTenant,
  completeXeroConnect,
  disconnectXero,
  pendingCompany,
  xeroCallbackUrl,
  type XeroTenantChoice,
} from '../../services/xero-connect.js';
import { idParam, requireCompanyAccess } from '../access.js';
import { cookieOf, OAUTH_COOKIE } from '../cookies.js';
import type { HttpDeps } from '../deps.js';
import { HttpError } from '../error-handler.js';
import { page } from '../html.js';
import { csrfField } from '../ui/layout.js';
import { startOAuth } from './start.js';

/**
 * Connecting the company's one Xero organisation (docs/vendors/xero.md §1–§2), by a signed-in admin
 * of the company (docs/access.md): GET /oauth/xero/connect?company=<id> → Xero's consent
 * (offline_access among the scopes, so we get a refresh token) with a `state` bound to this browser;
 * GET /oauth/xero/callback → connected, or the organisation picker (a form POSTing to
 * /oauth/xero/choose); POST /oauth/xero/disconnect.
 */
const connectQuery = z.object({ company: idParam });
const callbackQuery = z.object({
  code: z.string().min(1).max(2000).optional(),
  state: z.string().min(1).max(200).optional(),
  error: z.string().max(200).optional(),
});
const chooseBody = z.object({
  pending: z.string().min(1).max(20_000),
  tenantId: z.string().min(1).max(100),
});
const disconnectBody = z.object({ company: idParam });

export function registerXeroOAuthRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const html = { config: { html: true } };

  app.get('/oauth/xero/connect', html, async (request, reply) => {
    const { company } = connectQuery.parse(request.query);
    await requireCompanyAccess(deps, request, reply, company, { page: true });
    return startOAuth(deps, request, reply, { purpose: 'xero-connect', companyId: company });
  });

  app.get('/oauth/xero/callback', html, async (request, reply) => {
    // The same checks as Pipedrive's callback (oauth/pipedrive.ts), in Xero's words.
    const query = callbackQuery.parse(request.query);
    if (query.error !== undefined) {
      throw new HttpError(400, 'xero_connect_denied', `Xero did not connect: ${query.error}`);
    }
    const started = await takeState(deps, query.state, cookieOf(request, OAUTH_COOKIE), [
      'xero-connect',
    ]);
    if (started?.companyId === undefined) {
      throw new HttpError(
        400,
        'oauth_state_invalid',
        'This connect link was not started in this browser, was used already or has expired; start again',
      );
    }
    if (query.code === undefined)
      throw new HttpError(400, 'oauth_code_missing', 'Xero sent no code');
    const result = await completeXeroConnect(
      deps,
      started.companyId,
      query.code,
      xeroCallbackUrl(deps.publicUrl()),
    );
    reply.type('text/html; charset=utf-8');
    if (result.kind === 'connected') return reply.send(connectedPage(result));
    // The picker posts back with the session's CSRF token (sandbox mode starts one here).
    const access = await requireCompanyAccess(deps, request, reply, result.companyId, {
      page: true,
    });
    return reply.send(pickerPage(result.pending, result.tenants, access.csrf));
  });

  app.post('/oauth/xero/choose', html, async (request, reply) => {
    const body = chooseBody.parse(request.body);
    const company = pendingCompany(deps, body.pending);
    if (company === undefined) {
      throw new HttpError(
        400,
        'xero_choice_invalid',
        'The organisation choice is not ours or was altered; connect again',
      );
    }
    await requireCompanyAccess(deps, request, reply, company);
    const result = await chooseXeroTenant(deps, body.pending, body.tenantId);
    return reply.type('text/html; charset=utf-8').send(connectedPage(result));
  });

  app.post('/oauth/xero/disconnect', async (request, reply) => {
    const { company } = disconnectBody.parse(request.body);
    await requireCompanyAccess(deps, request, reply, company);
    const disconnected = await disconnectXero(deps, company);
    return reply.send({ disconnected });
  });
}

/**
 * Where the install ends: nothing happens until a trigger is set, so the page says so and leads on
 * to the settings page (which asks the admin to sign in when no session is open, docs/access.md).
 */
function connectedPage(result: { companyId: number; tenant: XeroTenantChoice }): string {
  const settings = `/ui/settings?company=${result.companyId}`;
  return page(
    'Xero connected',
    `<p>Deals will become draft documents in <strong>${escapeHtml(result.tenant.tenantName)}</strong>.</p>
<p>Nothing happens until you choose a <strong>trigger</strong>: the pipeline stage whose deals become a draft.
A good first one is your pipeline's last stage (for example "Won") → draft invoice.</p>
<p><a href="${escapeHtml(settings)}" data-testid="connected-settings">Choose the first trigger in Settings →</a></p>`,
  );
}

function pickerPage(pending: string, tenants: XeroTenantChoice[], csrf: string): string {
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
<input type="hidden" name="pending" value="${escapeHtml(pending)}">${csrfField(csrf)}
<fieldset><legend>Organisation</legend>
${options}
</fieldset>
<p><button type="submit" class="primary">Connect</button></p>
</form>`,
  );
}
