import { type Clock, systemClock } from '../clock.js';
import { AppError } from '../errors.js';
import type { PipedriveTokenSet } from './oauth.js';
import type { AccessTokenProvider } from './transport.js';

/**
 * Hands out a valid access token per Pipedrive connection and refreshes it when needed.
 *
 * States of a connection's token: fresh → due (within `refreshMarginMs` of expiry, default 60 s)
 * → refreshed; or rejected (Pipedrive answered 401 to it) → refreshed. A refresh runs at most once
 * at a time per connection in this process (single flight), and inside the port's lock across
 * processes; under the lock the stored pair is re-read first, and if someone else already replaced
 * the token nothing is refreshed (lock, re-read, then act). The new pair is
 * saved before it is used. Pipedrive does not rotate refresh tokens (§1.4), so a lost race costs
 * at most a spare refresh, never a connection.
 */

export interface PipedriveTokenPort {
  load(connectionId: string): Promise<PipedriveTokenSet | undefined>;
  save(connectionId: string, tokens: PipedriveTokenSet): Promise<void>;
  /** Runs `work` while holding the connection's refresh lock (across processes when durable). */
  withRefreshLock<T>(connectionId: string, work: () => Promise<T>): Promise<T>;
}

export interface TokenRefresher {
  refresh(refreshToken: string): Promise<PipedriveTokenSet>;
}

export type TokenEvent = {
  type: 'refreshed';
  connectionId: string;
  reason: 'expiring' | 'rejected';
};

export interface PipedriveTokenManagerDeps {
  port: PipedriveTokenPort;
  oauth: TokenRefresher;
  /** Default: systemClock. */
  clock?: Clock;
  /** Refresh this long before expiry; default 60 000 ms. */
  refreshMarginMs?: number;
  /** Told after each refresh (tests await it instead of sleeping). */
  onEvent?: (event: TokenEvent) => void;
}

export class PipedriveTokenManager {
  private readonly inFlight = new Map<string, Promise<PipedriveTokenSet>>();
  private readonly clock: Clock;
  private readonly marginMs: number;

  constructor(private readonly deps: PipedriveTokenManagerDeps) {
    this.clock = deps.clock ?? systemClock;
    this.marginMs = deps.refreshMarginMs ?? 60_000;
  }

  /** The stored token set, refreshed first if it expires within the margin. */
  async current(connectionId: string): Promise<PipedriveTokenSet> {
    const stored = await this.load(connectionId);
    if (!this.isDue(stored)) return stored;
    return this.refresh(connectionId, 'expiring', (latest) => this.isDue(latest));
  }

  /** After a 401 to `rejected`: a token other than it, refreshing only if none is stored yet. */
  async afterRejection(connectionId: string, rejected: string): Promise<PipedriveTokenSet> {
    return this.refresh(connectionId, 'rejected', (latest) => latest.accessToken === rejected);
  }

  /** The AccessTokenProvider a PipedriveClient of this connection uses. */
  forConnection(connectionId: string): AccessTokenProvider {
    return {
      accessToken: async () => (await this.current(connectionId)).accessToken,
      refreshAfterRejection: async (rejected) =>
        (await this.afterRejection(connectionId, rejected)).accessToken,
    };
  }

  private refresh(
    connectionId: string,
    reason: TokenEvent['reason'],
    stillNeeded: (latest: PipedriveTokenSet) => boolean,
  ): Promise<PipedriveTokenSet> {
    const running = this.inFlight.get(connectionId);
    if (running) return running;
    const work = this.deps.port
      .withRefreshLock(connectionId, async () => {
        const latest = await this.load(connectionId);
        if (!stillNeeded(latest)) return latest;
        const fresh = await this.deps.oauth.refresh(latest.refreshToken);
        await this.deps.port.save(connectionId, fresh);
        this.deps.onEvent?.({ type: 'refreshed', connectionId, reason });
        return fresh;
      })
      .finally(() => this.inFlight.delete(connectionId));
    this.inFlight.set(connectionId, work);
    return work;
  }

  private async load(connectionId: string): Promise<PipedriveTokenSet> {
    const stored = await this.deps.port.load(connectionId);
    if (!stored) {
      throw new AppError('pipedrive_not_connected', `no Pipedrive tokens for ${connectionId}`);
    }
    return stored;
  }

  private isDue(tokens: PipedriveTokenSet): boolean {
    return tokens.expiresAt.getTime() - this.marginMs <= this.clock.now().getTime();
  }
}
