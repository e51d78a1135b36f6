import { randomBytes } from 'node:crypto';

import type { PipedriveAppSeed } from './world.js';

/**
 * Pipedrive's OAuth server state (docs/vendors/pipedrive.md §1): registered apps, authorization
 * codes, installations (one per company + user + app, holding the refresh token) and access tokens.
 *
 * States: code issued → exchanged (single use) or expired after 5 min. Installation: live while its
 * refresh token was used within 60 days (each use slides the window); revoking the refresh token
 * uninstalls it (all its tokens gone). Access token: live for 3599 s, or until revoked/expired.
 */

export interface RegisteredApp extends PipedriveAppSeed {
  /** The demo app accepts its callback on any localhost port (the app may run on another port). */
  anyLocalPort: boolean;
}

export interface Installation {
  companyId: number;
  userId: number;
  clientId: string;
  scopes: string[];
  refreshToken: string;
  refreshExpiresAtMs: number;
}

export interface AccessGrant {
  token: string;
  installation: Installation;
  expiresAtMs: number;
}

interface AuthorizationCode {
  clientId: string;
  companyId: number;
  userId: number;
  redirectUri: string;
  expiresAtMs: number;
}

export type UninstallListener = (installation: Installation) => void;

export const ACCESS_TOKEN_SECONDS = 3599;
const CODE_MS = 5 * 60_000;
const REFRESH_IDLE_MS = 60 * 86_400_000;

export class PipedriveOAuth {
  private readonly apps = new Map<string, RegisteredApp>();
  private readonly codes = new Map<string, AuthorizationCode>();
  private readonly installations = new Map<string, Installation>();
  private readonly accessTokens = new Map<string, AccessGrant>();
  private readonly uninstallListeners = new Set<UninstallListener>();

  constructor(private readonly now: () => number) {}

  registerApp(app: PipedriveAppSeed, anyLocalPort = false): RegisteredApp {
    const registered = { ...app, anyLocalPort };
    this.apps.set(app.clientId, registered);
    return registered;
  }

  findApp(clientId: string): RegisteredApp | undefined {
    return this.apps.get(clientId);
  }

  /** `redirect_uri` must equal the callback (§1.1); the demo app may use any localhost port. */
  redirectAllowed(app: RegisteredApp, redirectUri: string): boolean {
    if (redirectUri === app.callbackUrl) return true;
    if (!app.anyLocalPort) return false;
    try {
      const wanted = new URL(app.callbackUrl);
      const given = new URL(redirectUri);
      const local = (host: string) => host === 'localhost' || host === '127.0.0.1';
      return (
        local(given.hostname) &&
        given.protocol === wanted.protocol &&
        given.pathname === wanted.pathname
      );
    } catch {
      return false;
    }
  }

  issueCode(clientId: string, companyId: number, userId: number, redirectUri: string): string {
    const code = `${companyId}.${userId}.${randomBytes(20).toString('hex')}`;
    this.codes.set(code, {
      clientId,
      companyId,
      userId,
      redirectUri,
      expiresAtMs: this.now() + CODE_MS,
    });
    return code;
  }

  /** Exchanges a code once; returns the reason as Pipedrive words it when it cannot (§1.6). */
  exchangeCode(
    clientId: string,
    code: string,
    redirectUri: string | undefined,
  ): AccessGrant | string {
    const entry = this.codes.get(code);
    if (!entry || entry.clientId !== clientId)
      return 'Invalid grant: authorization_code is invalid';
    this.codes.delete(code);
    if (entry.expiresAtMs <= this.now()) return 'Invalid grant: authorization_code has expired';
    if (redirectUri !== undefined && redirectUri !== entry.redirectUri)
      return 'Invalid request: redirect_uri is invalid';
    const app = this.apps.get(clientId)!;
    const key = `${entry.companyId}:${entry.userId}:${clientId}`;
    const installation: Installation = this.installations.get(key) ?? {
      companyId: entry.companyId,
      userId: entry.userId,
      clientId,
      scopes: [...app.scopes],
      refreshToken: `${entry.companyId}:${entry.userId}:${randomBytes(20).toString('hex')}`,
      refreshExpiresAtMs: 0,
    };
    installation.refreshExpiresAtMs = this.now() + REFRESH_IDLE_MS;
    this.installations.set(key, installation);
    return this.issueAccessToken(installation);
  }

  /** A new access token and the same refresh token, its idle window slid by 60 days (§1.4). */
  refresh(clientId: string, refreshToken: string): AccessGrant | string {
    const installation = this.byRefreshToken(refreshToken);
    if (
      !installation ||
      installation.clientId !== clientId ||
      installation.refreshExpiresAtMs <= this.now()
    ) {
      return 'Invalid grant: refresh_token is invalid';
    }
    installation.refreshExpiresAtMs = this.now() + REFRESH_IDLE_MS;
    return this.issueAccessToken(installation);
  }

  /** RFC 7009 revoke (§1.8): a refresh token uninstalls; an access token dies alone. */
  revoke(token: string): void {
    const installation = this.byRefreshToken(token);
    if (installation) {
      this.uninstall(installation);
      return;
    }
    this.accessTokens.delete(token);
  }

  /** Removes an installation and every token it holds, then tells the uninstall listeners. */
  uninstall(installation: Installation): void {
    this.dropInstallation(installation.companyId, installation.userId, installation.clientId);
    for (const listener of this.uninstallListeners) listener(installation);
  }

  /**
   * Removes an installation's refresh and access tokens without telling the listeners (for an
   * uninstall the webhooks part drives itself). Returns whether there was one.
   */
  dropInstallation(companyId: number, userId: number, clientId: string): boolean {
    const key = `${companyId}:${userId}:${clientId}`;
    const installation = this.installations.get(key);
    if (!installation) return false;
    this.installations.delete(key);
    for (const [token, grant] of this.accessTokens) {
      if (grant.installation === installation) this.accessTokens.delete(token);
    }
    return true;
  }

  onUninstall(listener: UninstallListener): () => void {
    this.uninstallListeners.add(listener);
    return () => this.uninstallListeners.delete(listener);
  }

  /** The live grant for a bearer token, or undefined (missing, expired, revoked). */
  authenticate(token: string): AccessGrant | undefined {
    const grant = this.accessTokens.get(token);
    return grant && grant.expiresAtMs > this.now() ? grant : undefined;
  }

  /** Test hook: makes one access token (or all) expire now. Returns how many were expired. */
  expireAccessTokens(token?: string): number {
    let count = 0;
    for (const grant of this.accessTokens.values()) {
      if (token === undefined || grant.token === token) {
        grant.expiresAtMs = this.now();
        count += 1;
      }
    }
    return count;
  }

  listInstallations(): Installation[] {
    return [...this.installations.values()];
  }

  reset(): void {
    this.apps.clear();
    this.codes.clear();
    this.installations.clear();
    this.accessTokens.clear();
  }

  private byRefreshToken(token: string): Installation | undefined {
    return [...this.installations.values()].find((candidate) => candidate.refreshToken === token);
  }

  private issueAccessToken(installation: Installation): AccessGrant {
    const token = `v1u:${randomBytes(32).toString('base64url')}`;
    const grant = { token, installation, expiresAtMs: this.now() + ACCESS_TOKEN_SECONDS * 1000 };
    this.accessTokens.set(token, grant);
    return grant;
  }
}
