import type { Clock } from '../clock.js';
import { XeroAuthError } from './errors.js';
import type { components as identity } from './generated/identity.js';

/**
 * Xero's identity service (docs/vendors/xero.md §1): the consent URL, code exchange, refresh, revocation and
 * connections. Every base URL comes from config (docs/architecture.md), which is why this is not xero-node:
 * it hard-codes the identity hosts (docs/vendors/xero.md §15).
 */
export interface XeroIdentityUrls {
  /** Host of the consent page: https://login.xero.com */
  login: string;
  /** Host of /connect/token and /connect/revocation: https://identity.xero.com */
  identity: string;
  /** Host of /connections: https://api.xero.com */
  api: string;
}

export interface XeroOAuthDeps {
  baseUrls: XeroIdentityUrls;
  clientId: string;
  clientSecret: string;
  clock: Clock;
  fetch?: typeof fetch;
}

/** A token response (docs/vendors/xero.md §1.2) with its lifetime turned into a moment. */
export interface XeroTokenSet {
  accessToken: string;
  refreshToken: string;
  expiresAt: Date;
  scopes: string[];
  idToken?: string;
}

export type XeroTenantConnection = Required<
  Pick<identity['schemas']['Connection'], 'id' | 'tenantId' | 'tenantType' | 'tenantName'>
> &
  identity['schemas']['Connection'];

/**
 * docs/vendors/xero.md §1.3: what this integration asks for. Broad names (`accounting.transactions`), which the
 * saved spec and the sandbox accept and which cover Invoices and Quotes; `accounting.settings`
 * covers Organisation, Accounts, TaxRates, Currencies, BrandingThemes and Items.
 */
export const DEFAULT_XERO_SCOPES: readonly string[] = [
  'openid',
  'profile',
  'email',
  'offline_access',
  'accounting.transactions',
  'accounting.contacts',
  'accounting.settings',
];

export interface XeroOAuth {
  authorizeUrl(input: { state: string; redirectUri: string; scopes?: readonly string[] }): string;
  exchangeCode(code: string, redirectUri: string): Promise<XeroTokenSet>;
  refresh(refreshToken: string): Promise<XeroTokenSet>;
  revoke(refreshToken: string): Promise<void>;
  listConnections(accessToken: string, authEventId?: string): Promise<XeroTenantConnection[]>;
  deleteConnection(accessToken: string, connectionId: string): Promise<void>;
}

export function createXeroOAuth(deps: XeroOAuthDeps): XeroOAuth {
  const doFetch = deps.fetch ?? fetch;
  const basic = `Basic ${Buffer.from(`${deps.clientId}:${deps.clientSecret}`).toString('base64')}`;
  const url = (base: string, path: string) => `${base.replace(/\/+$/, '')}${path}`;

  async function post(path: string, form: Record<string, string>): Promise<Response> {
    const target = url(deps.baseUrls.identity, path);
    try {
      return await doFetch(target, {
        method: 'POST',
        headers: {
          authorization: basic,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: new URLSearchParams(form),
      });
    } catch (cause) {
      throw new XeroAuthError('xero_oauth_failed', `Xero POST ${path}: no response`, {
        retryable: true,
        cause,
      });
    }
  }

  async function tokenRequest(form: Record<string, string>): Promise<XeroTokenSet> {
    const response = await post('/connect/token', form);
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok) throw oauthFailure('POST /connect/token', response.status, body);
    const { access_token, refresh_token, expires_in, scope, id_token } = body;
    if (typeof access_token !== 'string' || typeof refresh_token !== 'string') {
      // No refresh token means offline_access was not granted: we could never refresh.
      throw new XeroAuthError(
        'xero_oauth_failed',
        'Xero POST /connect/token → 200 without access_token and refresh_token (is offline_access among the scopes?)',
        { status: response.status },
      );
    }
    const lifetimeSeconds = typeof expires_in === 'number' ? expires_in : 1800;
    return {
      accessToken: access_token,
      refreshToken: refresh_token,
      expiresAt: new Date(deps.clock.now().getTime() + lifetimeSeconds * 1000),
      scopes: typeof scope === 'string' ? scope.split(' ').filter(Boolean) : [],
      ...(typeof id_token === 'string' && { idToken: id_token }),
    };
  }

  async function bearerCall(
    method: 'GET' | 'DELETE',
    path: string,
    accessToken: string,
  ): Promise<Response> {
    try {
      return await doFetch(url(deps.baseUrls.api, path), {
        method,
        headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
      });
    } catch (cause) {
      throw new XeroAuthError('xero_oauth_failed', `Xero ${method} ${path}: no response`, {
        retryable: true,
        cause,
      });
    }
  }

  return {
    authorizeUrl({ state, redirectUri, scopes = DEFAULT_XERO_SCOPES }) {
      const query = new URLSearchParams({
        response_type: 'code',
        client_id: deps.clientId,
        redirect_uri: redirectUri,
        scope: scopes.join(' '),
        state,
      });
      return `${url(deps.baseUrls.login, '/identity/connect/authorize')}?${query}`;
    },

    exchangeCode: (code, redirectUri) =>
      tokenRequest({ grant_type: 'authorization_code', code, redirect_uri: redirectUri }),

    refresh: (refreshToken) =>
      tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken }),

    async revoke(refreshToken) {
      const response = await post('/connect/revocation', { token: refreshToken });
      if (!response.ok) {
        const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
        throw oauthFailure('POST /connect/revocation', response.status, body);
      }
    },

    async listConnections(accessToken, authEventId) {
      const query = authEventId ? `?${new URLSearchParams({ authEventId })}` : '';
      const response = await bearerCall('GET', `/connections${query}`, accessToken);
      if (!response.ok) throw await connectionFailure('GET /connections', response);
      return (await response.json()) as XeroTenantConnection[];
    },

    async deleteConnection(accessToken, connectionId) {
      const path = `/connections/${encodeURIComponent(connectionId)}`;
      const response = await bearerCall('DELETE', path, accessToken);
      // 404: already gone, which is what the caller wanted.
      if (!response.ok && response.status !== 404)
        throw await connectionFailure(`DELETE ${path}`, response);
    },
  };
}

/** docs/vendors/xero.md §1.2: a dead refresh token (rotated past grace, revoked, idle 60 days) is invalid_grant. */
function oauthFailure(call: string, status: number, body: Record<string, unknown>): XeroAuthError {
  const oauthError = typeof body['error'] === 'string' ? body['error'] : undefined;
  const description =
    typeof body['error_description'] === 'string' ? ` (${body['error_description']})` : '';
  const message = `Xero ${call} → ${status}: ${oauthError ?? 'no error code'}${description}`;
  if (status === 400 && oauthError === 'invalid_grant')
    return new XeroAuthError('xero_reauth_required', message, { status, oauthError });
  return new XeroAuthError('xero_oauth_failed', message, {
    status,
    retryable: status >= 500,
    ...(oauthError !== undefined && { oauthError }),
  });
}

async function connectionFailure(call: string, response: Response): Promise<XeroAuthError> {
  const detail = (await response.text().catch(() => '')).slice(0, 200);
  return new XeroAuthError('xero_oauth_failed', `Xero ${call} → ${response.status}: ${detail}`, {
    status: response.status,
    retryable: response.status >= 500,
  });
}
