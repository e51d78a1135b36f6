import { type Clock, systemClock } from '../clock.js';
import { messageOf, PipedriveApiError } from './errors.js';

/**
 * Pipedrive's OAuth host (docs/vendors/pipedrive.md §1): the install URL, code exchange, refresh and revoke.
 *
 * Plain fetch rather than the official client's OAuth2Configuration: that class keeps one token
 * pair in its own memory and refreshes on Date.now() without a margin (§1.4), while the app stores
 * tokens per connection and serialises refreshes across processes (token-manager.ts).
 */

export interface PipedriveOAuthConfig {
  /** Default `https://oauth.pipedrive.com`; the sandbox's URL in tests. */
  oauthBaseUrl?: string;
  clientId: string;
  clientSecret: string;
}

export interface PipedriveOAuthDeps {
  /** Default: the global fetch. */
  fetch?: typeof fetch;
  /** Default: systemClock; `expiresAt` is computed from it. */
  clock?: Clock;
}

export interface PipedriveTokenSet {
  accessToken: string;
  /** Pipedrive does not rotate it: a refresh returns the same one (§1.4). */
  refreshToken: string;
  expiresAt: Date;
  /** Per-company API base, e.g. `https://acme.pipedrive.com` (§1.5). */
  apiDomain: string;
  /** The granted scopes (Pipedrive sends a comma-separated list, §1.3). */
  scope: string[];
}

interface TokenBody {
  access_token?: unknown;
  refresh_token?: unknown;
  expires_in?: unknown;
  api_domain?: unknown;
  scope?: unknown;
}

export class PipedriveOAuth {
  private readonly base: string;
  private readonly fetch: typeof fetch;
  private readonly clock: Clock;

  constructor(
    private readonly config: PipedriveOAuthConfig,
    deps: PipedriveOAuthDeps = {},
  ) {
    this.base = (config.oauthBaseUrl ?? 'https://oauth.pipedrive.com').replace(/\/+$/, '');
    this.fetch = deps.fetch ?? globalThis.fetch;
    this.clock = deps.clock ?? systemClock;
  }

  /** Where to send a user to install from outside the Marketplace (§1.1; no scope, no PKCE). */
  installUrl(input: { state: string; redirectUri: string }): string {
    const query = new URLSearchParams({
      client_id: this.config.clientId,
      redirect_uri: input.redirectUri,
      state: input.state,
    });
    return `${this.base}/oauth/authorize?${query}`;
  }

  /** Exchanges the callback's code (single use, valid 5 minutes, §1.2). */
  async exchangeCode(code: string, redirectUri: string): Promise<PipedriveTokenSet> {
    return this.tokenSet(
      await this.post('/oauth/token', {
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
      }),
    );
  }

  /** A new access token; the refresh token stays the same unless Pipedrive says otherwise. */
  async refresh(refreshToken: string): Promise<PipedriveTokenSet> {
    const body = (await this.post('/oauth/token', {
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
    })) as TokenBody;
    return this.tokenSet({ refresh_token: refreshToken, ...body });
  }

  /** Revoking the refresh token uninstalls the app for the user (§1.8); always 200. */
  async revoke(token: string, hint: 'refresh_token' | 'access_token' = 'refresh_token') {
    await this.post('/oauth/revoke', { token, token_type_hint: hint });
  }

  private async post(path: string, form: Record<string, string>): Promise<unknown> {
    const credentials = `${this.config.clientId}:${this.config.clientSecret}`;
    let response: Response;
    try {
      response = await this.fetch(`${this.base}${path}`, {
        method: 'POST',
        headers: {
          // §1.3: client credentials go in Basic auth, the grant in a form body.
          authorization: `Basic ${Buffer.from(credentials).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: new URLSearchParams(form).toString(),
      });
    } catch (cause) {
      throw new PipedriveApiError('pipedrive_network', 'OAuth host unreachable', {
        method: 'POST',
        path,
        cause,
      });
    }
    const text = await response.text();
    const body = parseJson(text);
    if (response.ok) return body;
    throw new PipedriveApiError(
      oauthCode(response.status, body),
      messageOf(body, response.status),
      {
        method: 'POST',
        path,
        status: response.status,
      },
    );
  }

  private tokenSet(raw: unknown): PipedriveTokenSet {
    const body = (raw ?? {}) as TokenBody;
    const { access_token, refresh_token, expires_in, api_domain, scope } = body;
    if (
      typeof access_token !== 'string' ||
      typeof refresh_token !== 'string' ||
      typeof expires_in !== 'number' ||
      typeof api_domain !== 'string'
    ) {
      throw new PipedriveApiError('pipedrive_bad_response', 'token answer is incomplete', {
        method: 'POST',
        path: '/oauth/token',
      });
    }
    return {
      accessToken: access_token,
      refreshToken: refresh_token,
      expiresAt: new Date(this.clock.now().getTime() + expires_in * 1000),
      apiDomain: api_domain.replace(/\/+$/, ''),
      scope: typeof scope === 'string' ? scope.split(',').filter(Boolean) : [],
    };
  }
}

/** §1.6: a bad or lapsed grant means the user must install again; a bad client is ours to fix. */
function oauthCode(status: number, body: unknown) {
  const error = (body as { error?: unknown } | null)?.error;
  if (error === 'invalid_grant') return 'pipedrive_reauthorization_required' as const;
  if (status === 429) return 'pipedrive_rate_limited' as const;
  if (status >= 500) return 'pipedrive_unavailable' as const;
  if (status === 401) return 'pipedrive_unauthorized' as const;
  return 'pipedrive_bad_request' as const;
}

function parseJson(text: string): unknown {
  try {
    return text === '' ? null : (JSON.parse(text) as unknown);
  } catch {
    return null;
  }
}
