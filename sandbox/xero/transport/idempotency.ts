import type { SandboxClock } from '../../common/clock.js';

/**
 * Xero's Idempotency-Key (docs/vendors/xero.md §3): keys are scoped per app+tenant and live `ttlMs` (default
 * 6 min) from first use. Pure apart from the injected clock; the transport hook drives it.
 *
 * States of a key: absent → pending (first request running) → stored (its response, errors too,
 * is replayed) → expired (absent again). A pending key that is abandoned (its request never ran)
 * becomes absent, so a request killed by a fault before processing does not poison the key.
 */
export const DEFAULT_IDEMPOTENCY_TTL_MS = 6 * 60_000;
/** docs/vendors/xero.md §3: keys longer than this are refused with 400. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 128;

export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

export type IdempotencyBegin =
  | { kind: 'fresh'; complete: (response: StoredResponse) => void; abandon: () => void }
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'conflict' }
  | { kind: 'wait'; settled: Promise<void> };

interface Entry {
  fingerprint: string;
  createdAtMs: number;
  response?: StoredResponse;
  settled: Promise<void>;
  settle: () => void;
}

export interface IdempotencyEntryView {
  scope: string;
  key: string;
  state: 'pending' | 'stored';
  status?: number;
  expiresAt: string;
}

export class IdempotencyStore {
  private entries = new Map<string, Entry>();

  constructor(
    private readonly clock: SandboxClock,
    private readonly ttlMs: number = DEFAULT_IDEMPOTENCY_TTL_MS,
  ) {}

  /**
   * Starts a keyed request. `fingerprint` covers method, URL and body; the same key with another
   * fingerprint is a conflict, even while the first is still running.
   */
  begin(scope: string, key: string, fingerprint: string): IdempotencyBegin {
    const id = `${scope}\u0000${key}`;
    const existing = this.live(id);
    if (existing) {
      if (existing.fingerprint !== fingerprint) return { kind: 'conflict' };
      if (existing.response) return { kind: 'replay', response: existing.response };
      return { kind: 'wait', settled: existing.settled };
    }
    let settle!: () => void;
    const settled = new Promise<void>((resolve) => (settle = resolve));
    const entry: Entry = { fingerprint, createdAtMs: this.clock.now(), settled, settle };
    this.entries.set(id, entry);
    return {
      kind: 'fresh',
      complete: (response) => {
        if (entry.response) return;
        entry.response = response;
        entry.settle();
      },
      abandon: () => {
        if (entry.response) return;
        if (this.entries.get(id) === entry) this.entries.delete(id);
        entry.settle();
      },
    };
  }

  list(): IdempotencyEntryView[] {
    return [...this.entries.entries()]
      .filter(([id]) => this.live(id) !== undefined)
      .map(([id, entry]) => {
        const [scope = '', key = ''] = id.split('\u0000');
        return {
          scope,
          key,
          state: entry.response ? ('stored' as const) : ('pending' as const),
          ...(entry.response && { status: entry.response.status }),
          expiresAt: new Date(entry.createdAtMs + this.ttlMs).toISOString(),
        };
      });
  }

  clear(): void {
    for (const entry of this.entries.values()) entry.settle();
    this.entries.clear();
  }

  /** The entry under `id` unless its TTL passed; a running (pending) request never expires. */
  private live(id: string): Entry | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (entry.response && this.clock.now() >= entry.createdAtMs + this.ttlMs) {
      this.entries.delete(id);
      return undefined;
    }
    return entry;
  }
}
