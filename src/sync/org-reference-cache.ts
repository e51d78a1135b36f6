import type { OrgFacts, OrgItem } from './mapping/types.js';

/**
 * The Xero organisation's reference data a document needs (docs/vendors/xero.md §12): its name,
 * base and enabled currencies, tax rates, accounts, ShortCode and timezone. Fetched with one call
 * each (four in all, in parallel, usecases/load-org-reference.ts) when a tenant is cold, then kept
 * for `ttlMs`, so a warm document costs no reference calls at all.
 *
 * The same per-tenant cache remembers items read from Xero, trusted until Xero refuses one (issue
 * 12: no periodic re-verification; a product seen before needs no GET /Items), and, for the same
 * short time as the reference data, contacts seen ACTIVE (the name a trusted link is shown under).
 * Look-ups that several runs need at the same moment (the items or the customer of a month-end's
 * first documents) are shared while they run (`shared`), never kept after.
 * A Xero validation error on a document invalidates the tenant: the next attempt, or the replay,
 * sees what the user fixed in Xero.
 *
 * This is the first level, in the process. The reference data and the items also live in the store
 * (usecases/load-org-reference.ts), shared by every process of the installation; the reference
 * data's age counts from when it was fetched from Xero, whichever process fetched it.
 */

export interface OrgReference {
  facts: OrgFacts;
  shortCode: string | null;
  /** Xero's TimeZone name, e.g. NEWZEALANDSTANDARDTIME. */
  timezone: string | null;
}

/** Default time to keep a tenant's reference data: short, so a change in Xero shows within minutes. */
export const DEFAULT_REFERENCE_TTL_MS = 5 * 60_000;

interface Stamped<T> {
  value: T;
  atMs: number;
}

/** Reference data and when it was fetched from Xero (ms since the epoch). */
export interface FetchedReference {
  reference: OrgReference;
  fetchedAtMs: number;
}

interface TenantEntry {
  reference?: Stamped<Promise<OrgReference>>;
  items: Map<string, Stamped<OrgItem>>;
  contacts: Map<string, Stamped<VerifiedContact>>;
  inFlight: Map<string, Promise<unknown>>;
}

/** A contact seen ACTIVE in Xero: what a linked record needs to know of it without a GET. */
export interface VerifiedContact {
  ContactID: string;
  Name: string;
  ContactNumber: string | null;
}

export class OrgReferenceCache {
  private readonly tenants = new Map<string, TenantEntry>();

  /** `ttlMs`: default DEFAULT_REFERENCE_TTL_MS. */
  constructor(readonly ttlMs: number = DEFAULT_REFERENCE_TTL_MS) {}

  /**
   * The tenant's reference data, loading it once (concurrent callers share one load). A load may
   * answer data fetched earlier (the stored copy): it is kept for what is left of its time.
   */
  reference(
    tenantId: string,
    nowMs: number,
    load: () => Promise<FetchedReference>,
  ): Promise<OrgReference> {
    const entry = this.entry(tenantId);
    if (entry.reference && this.isFresh(entry.reference.atMs, nowMs)) return entry.reference.value;
    const loading = load();
    const stamped = { value: loading.then((fetched) => fetched.reference), atMs: nowMs };
    entry.reference = stamped;
    loading.then(
      (fetched) => {
        stamped.atMs = fetched.fetchedAtMs;
      },
      // A failed load must not be served to the next caller.
      () => {
        if (entry.reference === stamped) delete entry.reference;
      },
    );
    return stamped.value;
  }

  item(tenantId: string, code: string): OrgItem | undefined {
    return this.entry(tenantId).items.get(code)?.value;
  }

  /** Every item remembered for the tenant (an item found by Name is looked for among them). */
  items(tenantId: string): OrgItem[] {
    return [...this.entry(tenantId).items.values()].map((stamped) => stamped.value);
  }

  rememberItem(tenantId: string, item: OrgItem, nowMs: number): void {
    this.entry(tenantId).items.set(item.Code, { value: item, atMs: nowMs });
  }

  verifiedContact(tenantId: string, contactId: string, nowMs: number): VerifiedContact | undefined {
    const found = this.entry(tenantId).contacts.get(contactId);
    return found && this.isFresh(found.atMs, nowMs) ? found.value : undefined;
  }

  rememberContact(tenantId: string, contact: VerifiedContact, nowMs: number): void {
    this.entry(tenantId).contacts.set(contact.ContactID, { value: contact, atMs: nowMs });
  }

  /**
   * `start()`'s answer, shared by every caller that asks under the same `key` while it runs (a
   * look-up several runs need at once); forgotten once it settles, so nothing stale is served.
   */
  shared<T>(tenantId: string, key: string, start: () => Promise<T>): Promise<T> {
    const inFlight = this.entry(tenantId).inFlight;
    const running = inFlight.get(key);
    if (running) return running as Promise<T>;
    const started = start().finally(() => inFlight.delete(key));
    inFlight.set(key, started);
    return started;
  }

  invalidate(tenantId: string): void {
    this.tenants.delete(tenantId);
  }

  private entry(tenantId: string): TenantEntry {
    let entry = this.tenants.get(tenantId);
    if (!entry) {
      entry = { items: new Map(), contacts: new Map(), inFlight: new Map() };
      this.tenants.set(tenantId, entry);
    }
    return entry;
  }

  /** Whether what was fetched at `atMs` may still be used at `nowMs` (never from the future). */
  isFresh(atMs: number, nowMs: number): boolean {
    return nowMs - atMs < this.ttlMs && nowMs >= atMs;
  }
}
