import { EventEmitter } from 'node:events';

import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import { XeroAuthError } from './errors.js';
import type { XeroOAuth } from './oauth.js';

/**
 * Where a company's Xero token pair lives (docs/vendors/xero.md §1.2; invariant 3). The store implements it
 * durably with a cross-process lock; token-store-memory.ts is the in-process adapter for tests.
 */
export interface StoredXeroTokens {
  accessToken: string;
  refreshToken: string;
  expiresAt: Date;
  /** Bumped on every save; saveRotated compares it (compare-and-swap). */
  version: number;
  /** Set by markNeedsReauth: the pair is dead and only a new consent helps. */
  needsReauth?: string;
}

export interface RotatedXeroTokens {
  accessToken: string;
  refreshToken: string;
  expiresAt: Date;
}

export interface XeroTokenPort {
  /** The company's current pair; undefined when it never connected Xero. */
  load(companyId: string): Promise<StoredXeroTokens | undefined>;
  /** Stores a rotated pair if the stored version is still `expectedVersion`; false otherwise. */
  saveRotated(
    companyId: string,
    expectedVersion: number,
    tokens: RotatedXeroTokens,
  ): Promise<boolean>;
  /** Runs `fn` holding the company's refresh lock, shared by every process. */
  withRefreshLock<T>(companyId: string, fn: () => Promise<T>): Promise<T>;
  /** Records that the refresh token is dead (invalid_grant) so the UI can ask for a reconnect. */
  markNeedsReauth(companyId: string, reason: string): Promise<void>;
}

export interface XeroTokenEvents {
  refreshed: [{ companyId: string; expiresAt: Date }];
  'reauth-required': [{ companyId: string; reason: string }];
}

export interface TokenManagerDeps {
  oauth: Pick<XeroOAuth, 'refresh'>;
  tokens: XeroTokenPort;
  clock: Clock;
  logger?: Logger;
  /** Refresh this long before expiry; default 60 s, so a token never expires mid-call. */
  skewMs?: number;
}

/**
 * Hands out a usable access token per company, refreshing it when it is about to expire or Xero
 * rejected it (401). Refresh tokens rotate and are single use (docs/vendors/xero.md §1.2), so refreshes of one
 * connection are serialised twice: in this process by sharing one promise per company, and
 * across processes by the port's lock. Inside the lock we re-read, and if another process already
 * rotated the pair we use its token (lock, re-read, then act: nango refresh.ts). The new pair is
 * stored before anything uses it (invariant 3).
 */
export class XeroTokenManager extends EventEmitter<XeroTokenEvents> {
  private readonly inFlight = new Map<string, Promise<string>>();
  private readonly skewMs: number;

  constructor(private readonly deps: TokenManagerDeps) {
    super();
    this.skewMs = deps.skewMs ?? 60_000;
  }

  async getAccessToken(companyId: string): Promise<string> {
    const stored = await this.loadLive(companyId);
    if (this.isFresh(stored)) return stored.accessToken;
    return this.refresh(companyId, stored.accessToken);
  }

  /** Xero answered 401 to `rejected`: refresh unless someone already replaced it. */
  async refreshAfterRejection(companyId: string, rejected: string): Promise<string> {
    return this.refresh(companyId, rejected);
  }

  private refresh(companyId: string, stale: string): Promise<string> {
    const pending = this.inFlight.get(companyId);
    if (pending) return pending;
    const run = this.deps.tokens
      .withRefreshLock(companyId, () => this.refreshLocked(companyId, stale))
      .finally(() => this.inFlight.delete(companyId));
    this.inFlight.set(companyId, run);
    return run;
  }

  private async refreshLocked(companyId: string, stale: string): Promise<string> {
    const current = await this.loadLive(companyId);
    if (current.accessToken !== stale && this.isFresh(current)) return current.accessToken;
    let rotated;
    try {
      rotated = await this.deps.oauth.refresh(current.refreshToken);
    } catch (error) {
      if (error instanceof XeroAuthError && error.code === 'xero_reauth_required') {
        const reason = error.message;
        await this.deps.tokens.markNeedsReauth(companyId, reason);
        this.emit('reauth-required', { companyId, reason });
      }
      throw error;
    }
    const pair = {
      accessToken: rotated.accessToken,
      refreshToken: rotated.refreshToken,
      expiresAt: rotated.expiresAt,
    };
    if (!(await this.deps.tokens.saveRotated(companyId, current.version, pair))) {
      // Someone wrote without the lock. Our new refresh token is lost, theirs is stored; the old
      // one stays usable for 30 min of grace (docs/vendors/xero.md §1.2), so a retry can recover.
      throw new XeroAuthError(
        'xero_oauth_failed',
        `Xero tokens of company ${companyId} changed during a refresh`,
        { retryable: true },
      );
    }
    this.deps.logger?.debug({ companyId, expiresAt: pair.expiresAt }, 'xero tokens rotated');
    this.emit('refreshed', { companyId, expiresAt: pair.expiresAt });
    return pair.accessToken;
  }

  private async loadLive(companyId: string): Promise<StoredXeroTokens> {
    const stored = await this.deps.tokens.load(companyId);
    if (!stored)
      throw new XeroAuthError(
        'xero_reauth_required',
        `company ${companyId} has no Xero connection`,
      );
    if (stored.needsReauth !== undefined)
      throw new XeroAuthError('xero_reauth_required', stored.needsReauth);
    return stored;
  }

  private isFresh(tokens: StoredXeroTokens): boolean {
    return tokens.expiresAt.getTime() - this.skewMs > this.deps.clock.now().getTime();
  }
}
