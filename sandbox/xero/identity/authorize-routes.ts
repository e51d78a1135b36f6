import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';

import type { TenantInfo, XeroAppSeed, XeroUserSeed } from '../world.js';
import { type ConsentRequest, renderConsentPage, renderErrorPage } from './consent-page.js';
import type { XeroIdentity } from './identity.js';
import { isKnownScope, parseScopes } from './scopes.js';

/**
 * The login host: GET shows the consent page (or, auto-approving, 302s straight back with a code);
 * POST is the consent form. Bad client or redirect_uri → HTML error page, never a redirect
 * (docs/vendors/xero.md §1.1); other problems are redirected as OAuth errors with `state` echoed.
 */
const authorizeQuery = z.object({
  response_type: z.string().optional(),
  client_id: z.string().default(''),
  redirect_uri: z.string().default(''),
  scope: z.string().optional(),
  state: z.string().optional(),
  login_hint: z.string().optional(),
  auto_approve: z.string().optional(),
  /** Comma-separated tenants to connect when auto-approving (default: all the user's). */
  tenant_ids: z.string().optional(),
  /** The consent form's fields. */
  tenant: z.union([z.string(), z.array(z.string())]).optional(),
  action: z.string().optional(),
});
type AuthorizeQuery = z.infer<typeof authorizeQuery>;

type Checked =
  | { ok: true; app: XeroAppSeed; user: XeroUserSeed; scopes: string[]; request: ConsentRequest }
  | { ok: false; send: (reply: FastifyReply) => FastifyReply };

export function registerAuthorizeRoutes(
  app: FastifyInstance,
  identity: XeroIdentity,
  tenantInfo: (tenantId: string) => TenantInfo | undefined,
): void {
  const tenantsOf = (user: XeroUserSeed): TenantInfo[] =>
    user.tenantIds.map(
      (tenantId) =>
        tenantInfo(tenantId) ?? {
          tenantId,
          tenantName: tenantId,
          tenantType: 'ORGANISATION' as const,
        },
    );

  function check(query: AuthorizeQuery): Checked {
    const client = identity.app(query.client_id);
    if (!client)
      return {
        ok: false,
        send: (reply) => htmlError(reply, `Unknown client_id "${query.client_id}".`),
      };
    if (!identity.isRedirectAllowed(client, query.redirect_uri)) {
      return {
        ok: false,
        send: (reply) =>
          htmlError(
            reply,
            `The redirect_uri "${query.redirect_uri}" is not registered for ${client.name}.`,
          ),
      };
    }
    const request = {
      clientId: client.clientId,
      redirectUri: query.redirect_uri,
      scope: query.scope ?? '',
      state: query.state,
    };
    if (query.response_type !== 'code')
      return {
        ok: false,
        send: (reply) => redirectError(reply, request, 'unsupported_response_type'),
      };
    const scopes = parseScopes(query.scope);
    if (scopes.length === 0 || !scopes.every(isKnownScope)) {
      return { ok: false, send: (reply) => redirectError(reply, request, 'invalid_scope') };
    }
    const email = query.login_hint ?? identity.loginSettings().email;
    const user = identity.userByEmail(email);
    if (!user)
      return { ok: false, send: (reply) => htmlError(reply, `No Xero login for "${email}".`) };
    return { ok: true, app: client, user, scopes, request };
  }

  function approve(
    reply: FastifyReply,
    checked: Extract<Checked, { ok: true }>,
    wanted: string[],
  ): FastifyReply {
    const tenantIds = checked.user.tenantIds.filter((tenantId) => wanted.includes(tenantId));
    const code = identity.approve({
      app: checked.app,
      redirectUri: checked.request.redirectUri,
      user: checked.user,
      scopes: checked.scopes,
      tenantIds,
    });
    return redirect(reply, checked.request, { code });
  }

  app.get('/identity/connect/authorize', async (request, reply) => {
    const query = authorizeQuery.parse(request.query);
    const checked = check(query);
    if (!checked.ok) return checked.send(reply);
    const login = identity.loginSettings();
    if (query.auto_approve === '1' || query.auto_approve === 'true' || login.autoApprove) {
      const wanted = query.tenant_ids?.split(',') ?? login.tenantIds ?? checked.user.tenantIds;
      return approve(reply, checked, wanted);
    }
    const html = renderConsentPage({ ...checked, tenants: tenantsOf(checked.user) });
    return reply.type('text/html; charset=utf-8').send(html);
  });

  app.post('/identity/connect/authorize', async (request, reply) => {
    const form = authorizeQuery.parse(request.body ?? {});
    const checked = check(form);
    if (!checked.ok) return checked.send(reply);
    if (form.action === 'deny') return redirectError(reply, checked.request, 'access_denied');
    const ticked = form.tenant === undefined ? [] : [form.tenant].flat();
    if (ticked.length === 0) {
      const html = renderConsentPage({
        ...checked,
        tenants: tenantsOf(checked.user),
        message: 'Choose at least one organisation to connect.',
      });
      return reply.code(400).type('text/html; charset=utf-8').send(html);
    }
    return approve(reply, checked, ticked);
  });
}

function htmlError(reply: FastifyReply, message: string): FastifyReply {
  return reply.code(400).type('text/html; charset=utf-8').send(renderErrorPage(message));
}

function redirectError(reply: FastifyReply, request: ConsentRequest, error: string): FastifyReply {
  return redirect(reply, request, { error });
}

function redirect(
  reply: FastifyReply,
  request: ConsentRequest,
  params: Record<string, string>,
): FastifyReply {
  const target = new URL(request.redirectUri);
  for (const [name, value] of Object.entries(params)) target.searchParams.set(name, value);
  if (request.state !== undefined) target.searchParams.set('state', request.state);
  return reply.redirect(target.toString(), 302);
}
