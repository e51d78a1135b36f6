import { randomBytes, randomUUID } from 'node:crypto';

import type { SandboxClock } from '../../common/clock.js';
import type { TenantInfo, XeroAppSeed, XeroUserSeed } from '../world.js';
import { ACCESS_TOKEN_TTL_SECONDS, type AccessCheck, AccessTokenStore } from './access-tokens.js';
import { Grants, type GrantView } from './grants.js';
import { isRedirectAllowed } from './redirect-uris.js';
import { DEFAULT_ROTATION_GRACE_MS, RefreshTokenStore } from './refresh-tokens.js';

/**
 * Xero's identity service as one in-memory object (docs/vendors/xero.md §1): registered apps, logins,
 * authorization codes, grants with their connections, access and refresh tokens.
 *
 * A code is single use, lives 5 minutes and is bound to its client and redirect_uri. A grant is one
 * user's consent to one app; consenting again widens its scopes and (re)connects tenants.
 */
export const AUTHORIZATION_CODE_TTL_MS = 5 * 60_000;

export interface XeroIdentityOptions {
  clock: SandboxClock;
  apps: readonly XeroAppSeed[];
  users: readonly XeroUserSeed[];
  /** Names the tenants of connections (the books own the organisations). */
  tenantInfo: (tenantId: string) => TenantInfo | undefined;
  /** How long a rotated refresh token stays usable; default 30 min (docs/vendors/xero.md §1.2). */
  rotationGraceMs?: number;
  /** Authorize without showing the consent page; default false. */
  autoApprove?: boolean;
}

/** Who logs in at the authorize page and whether consent is given without a click. */
export interface LoginSettings {
  email: string;
  autoApprove: boolean;
  /** Tenants ticked when auto-approving; all of the user's tenants when absent. */
  tenantIds?: string[];
}

export interface TokenSet {
  id_token?: string;
  access_token: string;
  expires_in: number;
  token_type: 'Bearer';
  refresh_token?: string;
  scope: string;
}

export type OAuthErrorCode =
  'invalid_client' | 'invalid_grant' | 'invalid_request' | 'unsupported_grant_type';
export type TokenResult = { ok: true; tokens: TokenSet } | { ok: false; error: OAuthErrorCode };

interface AuthorizationCode {
  clientId: string;
  redirectUri: string;
  grantId: string;
  authEventId: string;
  expiresAtMs: number;
  used: boolean;
}

export class XeroIdentity {
  private apps = new Map<string, XeroAppSeed>();
  private users = new Map<string, XeroUserSeed>();
  private codes = new Map<string, AuthorizationCode>();
  private login!: LoginSettings;
  grants!: Grants;
  accessTokens!: AccessTokenStore;
  refreshTokens!: RefreshTokenStore;

  constructor(private readonly options: XeroIdentityOptions) {
    this.reset();
  }

  /** Forgets every code, grant and token and reloads the seeded apps and users (or new seeds). */
  reset(
    apps: readonly XeroAppSeed[] = this.options.apps,
    users: readonly XeroUserSeed[] = this.options.users,
  ): void {
    const { clock } = this.options;
    this.apps = new Map(apps.map((app) => [app.clientId, { ...app }]));
    this.users = new Map(
      users.map((user) => [user.userId, { ...user, tenantIds: [...user.tenantIds] }]),
    );
    this.codes.clear();
    this.grants = new Grants(clock, this.options.tenantInfo);
    this.accessTokens = new AccessTokenStore(clock);
    this.refreshTokens = new RefreshTokenStore(
      clock,
      this.options.rotationGraceMs ?? DEFAULT_ROTATION_GRACE_MS,
    );
    const first = users[0];
    this.login = { email: first?.email ?? '', autoApprove: this.options.autoApprove ?? false };
  }

  registerApp(app: XeroAppSeed): void {
    this.apps.set(app.clientId, { ...app });
  }

  app(clientId: string): XeroAppSeed | undefined {
    return this.apps.get(clientId);
  }

  listApps(): XeroAppSeed[] {
    return [...this.apps.values()];
  }

  isRedirectAllowed(app: XeroAppSeed, redirectUri: string): boolean {
    return isRedirectAllowed(app, redirectUri);
  }

  /** Basic client authentication (docs/vendors/xero.md §1.2); undefined when absent or wrong. */
  authenticateClient(authorization: string | undefined): XeroAppSeed | undefined {
    const match = /^Basic\s+(\S+)$/i.exec(authorization ?? '');
    if (!match?.[1]) return undefined;
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return undefined;
    const app = this.apps.get(decodeURIComponent(decoded.slice(0, colon)));
    return app && app.clientSecret === decodeURIComponent(decoded.slice(colon + 1))
      ? app
      : undefined;
  }

  userByEmail(email: string): XeroUserSeed | undefined {
    const wanted = email.toLowerCase();
    return [...this.users.values()].find((user) => user.email.toLowerCase() === wanted);
  }

  /** Control API: the login may connect this organisation too (until reset). */
  grantTenant(email: string, tenantId: string): boolean {
    const user = this.userByEmail(email);
    if (!user) return false;
    if (!user.tenantIds.includes(tenantId)) user.tenantIds.push(tenantId);
    return true;
  }

  loginSettings(): LoginSettings {
    return { ...this.login };
  }

  setLogin(change: Partial<LoginSettings>): LoginSettings {
    this.login = { ...this.login, ...change };
    return this.loginSettings();
  }

  /** The user consented: connect the chosen tenants and hand out a code for the redirect. */
  approve(input: {
    app: XeroAppSeed;
    redirectUri: string;
    user: XeroUserSeed;
    scopes: string[];
    tenantIds: string[];
  }): string {
    const authEventId = randomUUID();
    const grant = this.grants.consent(
      input.app.clientId,
      input.user.userId,
      input.scopes,
      input.tenantIds,
      authEventId,
    );
    const code = randomBytes(24).toString('base64url');
    this.codes.set(code, {
      clientId: input.app.clientId,
      redirectUri: input.redirectUri,
      grantId: grant.id,
      authEventId,
      expiresAtMs: this.options.clock.now() + AUTHORIZATION_CODE_TTL_MS,
      used: false,
    });
    return code;
  }

  async exchangeCode(
    app: XeroAppSeed,
    code: string,
    redirectUri: string,
    issuer: string,
  ): Promise<TokenResult> {
    const entry = this.codes.get(code);
    if (
      !entry ||
      entry.used ||
      entry.clientId !== app.clientId ||
      entry.redirectUri !== redirectUri
    ) {
      return { ok: false, error: 'invalid_grant' };
    }
    entry.used = true;
    const grant = this.grants.get(entry.grantId);
    if (!grant || this.options.clock.now() >= entry.expiresAtMs)
      return { ok: false, error: 'invalid_grant' };
    // docs/vendors/xero.md §1.2: a refresh token only with offline_access.
    const refreshToken = grant.scopes.includes('offline_access')
      ? this.refreshTokens.issue(grant.id, app.clientId, entry.authEventId).token
      : undefined;
    return this.issue(app, entry.grantId, entry.authEventId, issuer, refreshToken);
  }

  async refresh(app: XeroAppSeed, refreshToken: string, issuer: string): Promise<TokenResult> {
    const rotated = this.refreshTokens.rotate(refreshToken, app.clientId);
    if (!rotated.ok || !this.grants.get(rotated.record.grantId))
      return { ok: false, error: 'invalid_grant' };
    return this.issue(
      app,
      rotated.record.grantId,
      rotated.record.authEventId,
      issuer,
      rotated.record.token,
    );
  }

  /** Revokes the grant of a refresh token: all its tokens die and its connections go (docs/vendors/xero.md §1.1). */
  revoke(app: XeroAppSeed, refreshToken: string): void {
    const record = this.refreshTokens.get(refreshToken);
    if (!record || record.clientId !== app.clientId) return;
    this.refreshTokens.revokeGrant(record.grantId);
    this.grants.disconnectAll(record.grantId);
  }

  /** Checks an `Authorization: Bearer …` header value. */
  checkBearer(authorization: string | undefined): AccessCheck {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    return match?.[1] ? this.accessTokens.check(match[1]) : { ok: false, reason: 'invalid' };
  }

  isConnected(grantId: string, tenantId: string): boolean {
    return this.grants.isConnected(grantId, tenantId);
  }

  inspect(): {
    grants: GrantView[];
    refreshTokens: ReturnType<RefreshTokenStore['list']>;
    accessTokens: number;
  } {
    return {
      grants: this.grants.list(),
      refreshTokens: this.refreshTokens.list(),
      accessTokens: this.accessTokens.count(),
    };
  }

  private async issue(
    app: XeroAppSeed,
    grantId: string,
    authEventId: string,
    issuer: string,
    refreshToken: string | undefined,
  ): Promise<TokenResult> {
    const grant = this.grants.get(grantId);
    const user = grant && this.users.get(grant.userId);
    if (!grant || !user) return { ok: false, error: 'invalid_grant' };
    const minted = await this.accessTokens.mint({
      issuer,
      grantId,
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      user,
      authEventId,
      scopes: grant.scopes,
    });
    const tokens: TokenSet = {
      ...(minted.idToken !== undefined && { id_token: minted.idToken }),
      access_token: minted.accessToken,
      expires_in: ACCESS_TOKEN_TTL_SECONDS,
      token_type: 'Bearer',
      ...(refreshToken !== undefined && { refresh_token: refreshToken }),
      scope: grant.scopes.join(' '),
    };
    return { ok: true, tokens };
  }
}
