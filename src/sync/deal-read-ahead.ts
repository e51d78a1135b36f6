import type {
  PipedriveDeal,
  PipedriveDealProduct,
  PipedriveOrganization,
  PipedrivePerson,
  PipedriveProduct,
} from '../pipedrive/types.js';

/**
 * What a document is made from, besides its deal, read ahead in batches for the runs of a company
 * still queued (issue 12: Pipedrive's burst limit and daily token budget). Each run still reads its
 * own deal (1 token); for up to 100 queued deals one batch reads their deals (for the ids of their
 * customers), product lines, products, organizations and persons in five calls of 10 tokens
 * (docs/vendors/pipedrive.md §3.13), where each run alone would make four or more. In a month-end
 * burst that leaves a document two requests of its own: its deal and its note.
 *
 * An entry is used once, and only while it still says what Pipedrive would say now:
 * - it was read at most `maxAgeMs` ago (products' codes and customers' details are trusted that
 *   long; a batch is read after the runs it serves were queued, so it never shows a deal or a
 *   customer as it was before the event that queued the run), and the run's deal, read by the run,
 *   names the same organization and person;
 * - its lines only if that deal has not changed since, by its `update_time`, which Pipedrive moves
 *   whenever a line or a discount changes the deal's value (docs/vendors/pipedrive.md §3.3).
 *   Pipedrive writes that time to the second, and its clock is not ours, so the lines of a deal
 *   changed less than `skewMs` before the batch was read are read again (a deal just moved to its
 *   trigger stage, in a burst); its customers and products are still used.
 * Otherwise the run reads its deal's lines and customers itself, as it would without this cache.
 *
 * Per process, like the reference cache: every process reads ahead for the runs it may take.
 * A batch being read is shared: a run whose deal is in it waits for it rather than reading again.
 */

export interface ReadAheadDeal {
  lines: PipedriveDealProduct[];
  /** productId → product, for the enabled lines. */
  products: Map<number, PipedriveProduct>;
  /** The deal's organization and person when the batch read it, and their ids. */
  orgId: number | null;
  personId: number | null;
  org: PipedriveOrganization | undefined;
  person: PipedrivePerson | undefined;
  fetchedAtMs: number;
}

/** An entry older than this is read again: the time a product's code is trusted without asking. */
export const READ_AHEAD_MAX_AGE_MS = 60_000;
/** A deal changed this close to the batch (Pipedrive's clock, to the second) is read again. */
export const READ_AHEAD_SKEW_MS = 2_000;

interface CompanyEntries {
  ready: Map<number, ReadAheadDeal>;
  reading: Map<number, Promise<unknown>>;
}

/** Whether what was read ahead is for the customers the deal names now. */
export function namesSameCustomers(
  entry: Pick<ReadAheadDeal, 'orgId' | 'personId'>,
  deal: Pick<PipedriveDeal, 'org_id' | 'person_id'>,
): boolean {
  return entry.orgId === (deal.org_id ?? null) && entry.personId === (deal.person_id ?? null);
}

export class DealReadAhead {
  private readonly companies = new Map<number, CompanyEntries>();

  constructor(
    readonly maxAgeMs = READ_AHEAD_MAX_AGE_MS,
    readonly skewMs = READ_AHEAD_SKEW_MS,
  ) {}

  /**
   * What was read ahead for the deal, if still current (see above), taken out of the cache, with
   * whether its lines are; undefined when the run must read it all itself. `deal` is the run's own
   * read of its deal.
   */
  take(
    companyId: number,
    deal: Pick<PipedriveDeal, 'id' | 'update_time' | 'org_id' | 'person_id'>,
    nowMs: number,
  ): (ReadAheadDeal & { linesCurrent: boolean }) | undefined {
    const entries = this.companies.get(companyId);
    const entry = entries?.ready.get(deal.id);
    if (entries === undefined || entry === undefined) return undefined;
    entries.ready.delete(deal.id);
    if (nowMs - entry.fetchedAtMs > this.maxAgeMs || !namesSameCustomers(entry, deal))
      return undefined;
    const updatedAtMs = Date.parse(deal.update_time);
    const linesCurrent =
      Number.isFinite(updatedAtMs) && updatedAtMs <= entry.fetchedAtMs - this.skewMs;
    return { ...entry, linesCurrent };
  }

  /** The batch reading this deal now, if any: wait for it, then `take`. */
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
    batch: Promise<Map<number, ReadAheadDeal>>,
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
      // The run that asked for the batch reports its failure; the others read on their own.
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
