import type { PipedriveDealProduct, PipedriveProduct } from '../pipedrive/types.js';

/**
 * Product lines of deals read ahead, in one batch, for the runs of a company still queued (issue 12:
 * Pipedrive's daily token budget). Reading a deal's lines costs 10 tokens and each product 1; the
 * lines of up to 100 deals cost 10 together, and up to 100 products 10 more
 * (docs/vendors/pipedrive.md §3.13). In a month-end burst that is most of what a document costs in
 * Pipedrive reads, besides its discounts and its note.
 *
 * An entry is used once, and only if it still says what Pipedrive would say now:
 * - it was read at most `maxAgeMs` ago (the products' own codes and names are trusted that long);
 * - the deal has not changed since, by its `update_time`, which Pipedrive moves whenever a line or a
 *   discount changes the deal's value (docs/vendors/pipedrive.md §3.3). Pipedrive writes that time to
 *   the second, and its clock is not ours, so a deal changed less than `skewMs` before the batch was
 *   read is read again.
 * Otherwise the run reads its deal's lines itself, as it would without this cache.
 *
 * Per process, like the reference cache: every process reads ahead for the runs it may take.
 * A batch being read is shared: a run whose deal is in it waits for it rather than reading again.
 */

export interface ReadAheadLines {
  lines: PipedriveDealProduct[];
  /** productId → product, for the enabled lines. */
  products: Map<number, PipedriveProduct>;
  fetchedAtMs: number;
}

/** An entry older than this is read again: the time a product's code is trusted without asking. */
export const READ_AHEAD_MAX_AGE_MS = 60_000;
/** A deal changed this close to the batch (Pipedrive's clock, to the second) is read again. */
export const READ_AHEAD_SKEW_MS = 2_000;

interface CompanyEntries {
  ready: Map<number, ReadAheadLines>;
  reading: Map<number, Promise<unknown>>;
}

export class DealReadAhead {
  private readonly companies = new Map<number, CompanyEntries>();

  constructor(
    readonly maxAgeMs = READ_AHEAD_MAX_AGE_MS,
    readonly skewMs = READ_AHEAD_SKEW_MS,
  ) {}

  /**
   * The deal's lines if read ahead and still current (see above), taken out of the cache; undefined
   * when the run must read them itself.
   */
  take(
    companyId: number,
    dealId: number,
    dealUpdatedAtMs: number,
    nowMs: number,
  ): ReadAheadLines | undefined {
    const entries = this.companies.get(companyId);
    const entry = entries?.ready.get(dealId);
    if (entries === undefined || entry === undefined) return undefined;
    entries.ready.delete(dealId);
    const current =
      nowMs - entry.fetchedAtMs <= this.maxAgeMs &&
      Number.isFinite(dealUpdatedAtMs) &&
      dealUpdatedAtMs <= entry.fetchedAtMs - this.skewMs;
    return current ? entry : undefined;
  }

  /** The batch reading this deal's lines now, if any: wait for it, then `take`. */
  reading(companyId: number, dealId: number): Promise<unknown> | undefined {
    return this.companies.get(companyId)?.reading.get(dealId);
  }

  /** Whether a batch would read this deal for nothing: it is read, or being read, and young. */
  covers(companyId: number, dealId: number, nowMs: number): boolean {
    const entries = this.companies.get(companyId);
    if (entries === undefined) return false;
    const entry = entries.ready.get(dealId);
    return (
      entries.reading.has(dealId) ||
      (entry !== undefined && nowMs - entry.fetchedAtMs <= this.maxAgeMs)
    );
  }

  /**
   * Keeps what a batch reads for these deals once it has read it (a deal the batch could not read
   * wholly is left out: its run reads it). Old entries are dropped at the same time.
   */
  async keep(
    companyId: number,
    dealIds: readonly number[],
    batch: Promise<Map<number, ReadAheadLines>>,
  ): Promise<void> {
    const entries = this.entriesOf(companyId);
    for (const dealId of dealIds) entries.reading.set(dealId, batch);
    try {
      const read = await batch;
      for (const dealId of dealIds) {
        const entry = read.get(dealId);
        if (entry !== undefined) entries.ready.set(dealId, entry);
      }
      this.prune(entries, Math.max(0, ...[...read.values()].map((entry) => entry.fetchedAtMs)));
    } catch {
      // The run that asked for the batch reports its failure; the others read their own lines.
    } finally {
      for (const dealId of dealIds) {
        if (entries.reading.get(dealId) === batch) entries.reading.delete(dealId);
      }
    }
  }

  private prune(entries: CompanyEntries, nowMs: number): void {
    for (const [dealId, entry] of entries.ready) {
      if (nowMs - entry.fetchedAtMs > this.maxAgeMs) entries.ready.delete(dealId);
    }
  }

  private entriesOf(companyId: number): CompanyEntries {
    let entries = this.companies.get(companyId);
    if (entries === undefined) {
      entries = { ready: new Map(), reading: new Map() };
      this.companies.set(companyId, entries);
    }
    return entries;
  }
}
