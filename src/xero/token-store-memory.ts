import { KeyedLock } from '../keyed-lock.js';
import type { RotatedXeroTokens, StoredXeroTokens, XeroTokenPort } from './token-manager.js';

/**
 * The in-memory XeroTokenPort (nango InMemoryKVStore style): one process, so the "cross-process"
 * lock is a per-company promise chain. For tests and the embedded sandbox demo.
 */
export class InMemoryXeroTokenStore implements XeroTokenPort {
  private readonly pairs = new Map<string, StoredXeroTokens>();
  private readonly locks = new KeyedLock();

  /** Stores the pair of a fresh consent (what the connect callback does through the real store). */
  put(companyId: string, tokens: RotatedXeroTokens): StoredXeroTokens {
    const version = (this.pairs.get(companyId)?.version ?? 0) + 1;
    const stored = { ...tokens, version };
    this.pairs.set(companyId, stored);
    return { ...stored };
  }

  async load(companyId: string): Promise<StoredXeroTokens | undefined> {
    const stored = this.pairs.get(companyId);
    return stored && { ...stored };
  }

  async saveRotated(
    companyId: string,
    expectedVersion: number,
    tokens: RotatedXeroTokens,
  ): Promise<boolean> {
    const stored = this.pairs.get(companyId);
    if (!stored || stored.version !== expectedVersion) return false;
    this.pairs.set(companyId, { ...tokens, version: expectedVersion + 1 });
    return true;
  }

  withRefreshLock<T>(companyId: string, fn: () => Promise<T>): Promise<T> {
    return this.locks.run(companyId, fn);
  }

  async markNeedsReauth(companyId: string, reason: string): Promise<void> {
    const stored = this.pairs.get(companyId);
    if (stored) this.pairs.set(companyId, { ...stored, needsReauth: reason });
  }
}
