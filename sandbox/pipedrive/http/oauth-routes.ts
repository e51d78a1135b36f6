import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import {
  ACCESS_TOKEN_SECONDS,
  type AccessGrant,
  type PipedriveOAuth,
  type RegisteredApp,
} from '../oauth.js';
import type { PipedriveCompanies } from '../store/companies.js';
import { DEMO_COMPANY_ID, DEMO_USER_ID } from '../store/seed-demo.js';

/**
 * Pipedrive's OAuth host (docs/vendors/pipedrive.md §1): authorize (consent page), token, revoke.
 * The consent page acts for the demo company's admin unless `company_id`/`user_id` say otherwise.
 */

type Form = Record<string, string | undefined>;

function tokenError(reply: FastifyReply, status: number, error: string, message: string) {
  return reply.code(status).send({ success: false, message, error });
}

/** Basic `client_id:client_secret` (recommended) or the same two fields in the body (§1.3). */
function clientOf(
  oauth: PipedriveOAuth,
  request: FastifyRequest,
  body: Form,
): RegisteredApp | 'missing' | 'invalid' {
  let clientId = body['client_id'];
  let secret = body['client_secret'];
  const basic = /^Basic\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  if (basic?.[1]) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    clientId = decoded.slice(0, colon);
    secret = decoded.slice(colon + 1);
  }
  if (!clientId || secret === undefined) return 'missing';
  const app = oauth.findApp(clientId);
  return app && app.clientSecret === secret ? app : 'invalid';
}

function tokenResponse(request: FastifyRequest, companies: PipedriveCompanies, grant: AccessGrant) {
  const domain = companies.get(grant.installation.companyId)?.domain ?? 'unknown';
  return {
    access_token: grant.token,
    token_type: 'Bearer',
    expires_in: ACCESS_TOKEN_SECONDS,
    refresh_token: grant.installation.refreshToken,
    scope: grant.installation.scopes.join(','),
    // One server plays every company's API host: the company is a path prefix on this host.
    api_domain: `http://${request.headers.host ?? 'localhost'}/c/${domain}`,
  };
}

function consentPage(app: RegisteredApp, query: Form, companyName: string): string {
  const hidden = ['client_id', 'redirect_uri', 'state', 'company_id', 'user_id']
    .filter((name) => query[name] !== undefined)
    .map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(query[name]!)}">`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Authorize ${escapeHtml(app.name)}</title></head>
<body><main><h1>${escapeHtml(app.name)} wants access to ${escapeHtml(companyName)}</h1>
<p>Scopes: ${app.scopes.map(escapeHtml).join(', ')}</p>
<form method="post" action="/oauth/authorize">${hidden}
<button type="submit" name="decision" value="allow">Allow and install</button>
<button type="submit" name="decision" value="deny">Deny</button></form></main></body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export function registerOAuthRoutes(
  app: FastifyInstance,
  oauth: PipedriveOAuth,
  companies: PipedriveCompanies,
): void {
  app.register(async (scope) => {
    scope.setErrorHandler((error, _request, reply) =>
      tokenError(
        reply,
        (error as { statusCode?: number }).statusCode ?? 500,
        'invalid_request',
        (error as Error).message,
      ),
    );

    const decide = (query: Form, reply: FastifyReply, decision: string | undefined) => {
      const registered = oauth.findApp(query['client_id'] ?? '');
      const redirect = query['redirect_uri'] ?? registered?.callbackUrl ?? '';
      if (!registered)
        return reply.code(400).type('text/html').send('<p>Invalid client: client is invalid</p>');
      if (!oauth.redirectAllowed(registered, redirect)) {
        return reply
          .code(400)
          .type('text/html')
          .send('<p>Invalid request: redirect_uri is not the registered callback URL</p>');
      }
      const companyId = Number(query['company_id'] ?? DEMO_COMPANY_ID);
      const company = companies.get(companyId);
      if (!company) return reply.code(400).type('text/html').send('<p>Unknown company</p>');
      const userId = Number(
        query['user_id'] ??
          (companyId === DEMO_COMPANY_ID ? DEMO_USER_ID : [...company.users.keys()][0]),
      );
      if (decision === undefined)
        return reply.type('text/html').send(consentPage(registered, query, company.name));
      const target = new URL(redirect);
      if (decision === 'allow')
        target.searchParams.set(
          'code',
          oauth.issueCode(registered.clientId, companyId, userId, redirect),
        );
      else target.searchParams.set('error', 'user_denied');
      if (query['state'] !== undefined) target.searchParams.set('state', query['state']);
      return reply.redirect(target.toString(), 302);
    };

    scope.get('/oauth/authorize', async (request, reply) => {
      const query = request.query as Form;
      return decide(query, reply, query['auto_approve'] === '1' ? 'allow' : undefined);
    });
    scope.post('/oauth/authorize', async (request, reply) => {
      const form = (request.body ?? {}) as Form;
      return decide(form, reply, form['decision'] === 'allow' ? 'allow' : 'deny');
    });

    scope.post('/oauth/token', async (request, reply) => {
      const body = (request.body ?? {}) as Form;
      const grantType = body['grant_type'];
      if (!grantType)
        return tokenError(reply, 400, 'invalid_request', 'Missing parameter: grant_type');
      const client = clientOf(oauth, request, body);
      if (client === 'missing')
        return tokenError(
          reply,
          401,
          'invalid_client',
          'Invalid client: cannot retrieve client credentials',
        );
      if (client === 'invalid')
        return tokenError(reply, 401, 'invalid_client', 'Invalid client: client is invalid');
      let result: AccessGrant | string;
      if (grantType === 'authorization_code') {
        result = oauth.exchangeCode(client.clientId, body['code'] ?? '', body['redirect_uri']);
      } else if (grantType === 'refresh_token') {
        result = oauth.refresh(client.clientId, body['refresh_token'] ?? '');
      } else {
        return tokenError(
          reply,
          400,
          'unsupported_grant_type',
          'Unsupported grant type: grant_type is invalid',
        );
      }
      if (typeof result === 'string') {
        return tokenError(
          reply,
          400,
          result.startsWith('Invalid request') ? 'invalid_request' : 'invalid_grant',
          result,
        );
      }
      return tokenResponse(request, companies, result);
    });

    // RFC 7009: always 200, also for unknown tokens (§1.8).
    scope.post('/oauth/revoke', async (request) => {
      const body = (request.body ?? {}) as Form;
      if (body['token']) oauth.revoke(body['token']);
      return { success: true };
    });
  });
}
