import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import type { OAuthErrorCode, XeroIdentity } from './identity.js';

/**
 * POST /connect/token and POST /connect/revocation (docs/vendors/xero.md §1.2): Basic client auth, form bodies,
 * OAuth errors as 400 `{"error":"…"}`.
 */
export function registerTokenRoutes(app: FastifyInstance, identity: XeroIdentity): void {
  app.post('/connect/token', async (request, reply) => {
    const client = identity.authenticateClient(request.headers.authorization);
    if (!client) return oauthError(reply, 'invalid_client');
    const form = formOf(request);
    const issuer = issuerOf(request);
    let result;
    switch (form.grant_type) {
      case undefined:
        return oauthError(reply, 'invalid_request');
      case 'authorization_code':
        if (!form.code || !form.redirect_uri) return oauthError(reply, 'invalid_request');
        result = await identity.exchangeCode(client, form.code, form.redirect_uri, issuer);
        break;
      case 'refresh_token':
        if (!form.refresh_token) return oauthError(reply, 'invalid_request');
        result = await identity.refresh(client, form.refresh_token, issuer);
        break;
      default:
        return oauthError(reply, 'unsupported_grant_type');
    }
    if (!result.ok) return oauthError(reply, result.error);
    return reply.header('cache-control', 'no-store').send(result.tokens);
  });

  app.post('/connect/revocation', async (request, reply) => {
    const client = identity.authenticateClient(request.headers.authorization);
    if (!client) return oauthError(reply, 'invalid_client');
    const form = formOf(request);
    if (!form.token) return oauthError(reply, 'invalid_request');
    // RFC 7009: unknown tokens are answered 200 too.
    identity.revoke(client, form.token);
    return reply.code(200).send();
  });

  app.get('/.well-known/openid-configuration', async (request) => {
    const issuer = issuerOf(request);
    return {
      issuer,
      authorization_endpoint: `${issuer}/identity/connect/authorize`,
      token_endpoint: `${issuer}/connect/token`,
      revocation_endpoint: `${issuer}/connect/revocation`,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      token_endpoint_auth_methods_supported: ['client_secret_basic'],
      // The sandbox signs with HS256 (the id_token with the client secret); there is no JWKS.
      id_token_signing_alg_values_supported: ['HS256'],
      subject_types_supported: ['public'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    };
  });
}

export function oauthError(reply: FastifyReply, error: OAuthErrorCode): FastifyReply {
  return reply.code(400).header('cache-control', 'no-store').send({ error });
}

function formOf(request: FastifyRequest): Record<string, string | undefined> {
  const body = request.body;
  if (typeof body !== 'object' || body === null) return {};
  const form: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(body))
    if (typeof value === 'string') form[name] = value;
  return form;
}

/** The sandbox is its own issuer: whatever host the client reached it on. */
function issuerOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}
