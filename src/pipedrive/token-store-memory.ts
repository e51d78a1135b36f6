import { KeyedLock } from '../keyed-lock.js';
import type { PipedriveTokenSet } from './oauth.js';
import type { PipedriveTokenPort } from './token-manager.js';

/**
 * PipedriveTokenPort in memory, for tests and single-process runs. The lock is a promise chain
 * per connection: holders run one after another in arrival order.
 */
export class InMemoryPipedriveTokenStore implements PipedriveTokenPort {
  private readonly tokens = new Map<string, PipedriveTokenSet>();
  private readonly locks = new KeyedLock();

  async load(connectionId: string): Promise<PipedriveTokenSet | undefined> {
    const stored = this.tokens.get(connectionId);
    return stored && { ...stored, scope: [...stored.scope] };
  }

  async save(connectionId: string, tokens: PipedriveTokenSet): Promise<void> {
    this.tokens.set(connectionId, { ...tokens, scope: [...tokens.scope] });
  }

  withRefreshLock<T>(connectionId: string, work: () => Promise<T>): Promise<T> {
    return this.locks.run(connectionId, work);
  }
}
