import type { RecoverySummary } from './recovery.js';
import type { AppState } from './store.js';
import type { Trap } from './world.js';

/**
 * The campaign's verdict, computed at the end from what the vendors hold (Xero's documents and
 * contacts, Pipedrive's notes and webhook deliveries), what the app stored, and the ground truth.
 * Pure. docs/campaign.md says what each figure means and how to read a failure.
 */
export interface TruthDeal {
  dealId: number;
  companyId: number;
  tenantId: string;
  triggerKey: string;
  /** False when refused on purpose (no products, a currency Xero does not have). */
  valid: boolean;
  /** Moved into its trigger stage at least once. */
  fired: boolean;
  customer: { key: string; name: string; number: string; trap: Trap; mustSucceed: boolean };
}

export interface OracleTruth {
  deals: TruthDeal[];
  /** Hand-made Xero contacts that legitimately are a customer (customer key → ContactIDs). */
  twins: ReadonlyMap<string, ReadonlySet<string>>;
  /** Contacts made before the app ran, with the contact number they were made with. */
  preseeded: ReadonlyMap<string, string | null>;
}

export interface XeroDocumentFact {
  tenantId: string;
  id: string;
  reference: string;
  contactId: string;
}

export interface XeroContactFact {
  ContactID: string;
  Name: string;
  ContactNumber?: string;
  ContactStatus: string;
}

export interface VendorState {
  documents: XeroDocumentFact[];
  /** Per tenant. */
  contacts: ReadonlyMap<string, readonly XeroContactFact[]>;
  /** Note contents per deal id (deal ids are unique across companies). */
  notes: ReadonlyMap<number, readonly string[]>;
  /** Deals with a webhook delivery dropped because the app's webhook was banned. */
  droppedByBan: ReadonlySet<number>;
}

export interface ProcessFacts {
  crashes: number;
  recovery: RecoverySummary;
}

/** The figures, in the order of the JSON line's required keys. */
export interface Figures {
  deals: number;
  documents: number;
  duplicates: number;
  lost_documents: number;
  wrong_customer: number;
  lost_notes: number;
  usage_count: number;
  stalled: number;
  crashes: number;
  max_recovery_seconds: number;
}

export interface Breakdown {
  /** Valid deals of customers no trap may stop that ended stopped (e.g. creation races). */
  stopped_valid: number;
  /** Lost documents whose deal had a webhook delivery dropped by a ban. */
  lost_after_ban: number;
  duplicate_notes: number;
  waiting_fix: number;
  failed_runs: number;
  pending_jobs: number;
  unrecovered: number;
}

export interface Verdict {
  figures: Figures;
  breakdown: Breakdown;
  /** A few examples per non-zero figure, in words, to start reading a failure from. */
  examples: Record<string, string[]>;
}

const KEY = /\[PD-(\d+)-([^\]]+)\]\s*$/;
const STOPPED: ReadonlySet<string> = new Set(['waiting_fix', 'failed']);
const EXAMPLES = 5;

export function judge(
  truth: OracleTruth,
  vendors: VendorState,
  app: AppState,
  processes: ProcessFacts,
): Verdict {
  const examples: Record<string, string[]> = {};
  const note = (figure: string, text: string) => {
    const list = (examples[figure] ??= []);
    if (list.length < EXAMPLES) list.push(text);
  };
  const byDeal = new Map(truth.deals.map((deal) => [deal.dealId, deal]));
  const triggerOf = (companyId: number, dealId: number, triggerKey: string) =>
    `${companyId}|${dealId}|${triggerKey}`;

  // The app's documents in Xero: those whose Reference carries one of our deals' keys.
  const documentsByTrigger = new Map<string, XeroDocumentFact[]>();
  for (const document of vendors.documents) {
    const match = KEY.exec(document.reference);
    const deal = match ? byDeal.get(Number(match[1])) : undefined;
    if (!match || !deal) continue;
    const key = triggerOf(deal.companyId, deal.dealId, match[2]!);
    documentsByTrigger.set(key, [...(documentsByTrigger.get(key) ?? []), document]);
  }
  const appDocuments = [...documentsByTrigger.values()].flat();

  let duplicates = 0;
  for (const [key, documents] of documentsByTrigger) {
    if (documents.length < 2) continue;
    duplicates += documents.length - 1;
    note(
      'duplicates',
      `${key}: ${documents.length} documents (${documents.map((d) => d.id).join(', ')})`,
    );
  }

  const runsByTrigger = new Map<string, AppState['runs']>();
  for (const run of app.runs) {
    if (run.dealId === null || run.triggerKey === null) continue;
    const key = triggerOf(run.companyId, run.dealId, run.triggerKey);
    runsByTrigger.set(key, [...(runsByTrigger.get(key) ?? []), run]);
  }

  let lost = 0;
  let lostAfterBan = 0;
  let stoppedValid = 0;
  const fired = truth.deals.filter((deal) => deal.fired);
  for (const deal of fired) {
    const key = triggerOf(deal.companyId, deal.dealId, deal.triggerKey);
    if ((documentsByTrigger.get(key) ?? []).length > 0) continue;
    const runs = runsByTrigger.get(key) ?? [];
    const stopped = runs.filter((run) => STOPPED.has(run.status));
    if (!deal.valid) continue;
    if (stopped.length === 0) {
      lost += 1;
      const banned = vendors.droppedByBan.has(deal.dealId);
      if (banned) lostAfterBan += 1;
      note(
        'lost_documents',
        `deal ${deal.dealId} (company ${deal.companyId}): runs [${runs.map((run) => run.status).join(', ')}]${banned ? ', a delivery was dropped by a ban' : ''}`,
      );
    } else if (deal.customer.mustSucceed) {
      stoppedValid += 1;
      note(
        'stopped_valid',
        `deal ${deal.dealId} (${deal.customer.name}, ${deal.customer.trap}): ${stopped.map((run) => run.reasonCode).join(', ')}`,
      );
    }
  }

  let wrong = 0;
  for (const document of appDocuments) {
    const deal = byDeal.get(Number(KEY.exec(document.reference)![1]))!;
    if (isLegitimate(truth, vendors, deal, document)) continue;
    wrong += 1;
    const contact = (vendors.contacts.get(document.tenantId) ?? []).find(
      (candidate) => candidate.ContactID === document.contactId,
    );
    note(
      'wrong_customer',
      `deal ${deal.dealId}: customer "${deal.customer.name}" (${deal.customer.number}, ${deal.customer.trap}) billed to "${contact?.Name ?? '?'}" (${contact?.ContactNumber ?? 'no number'}, ${contact?.ContactStatus ?? 'unknown'})`,
    );
  }

  // Each document wants its success note (it names the document's Xero id), each stopped run its
  // problem note (its Replay link names the run).
  let lostNotes = 0;
  let duplicateNotes = 0;
  const expectNote = (dealId: number, needle: string, what: string) => {
    const found = (vendors.notes.get(dealId) ?? []).filter((text) => text.includes(needle)).length;
    if (found === 0) {
      lostNotes += 1;
      note('lost_notes', `deal ${dealId}: no note for ${what}`);
    }
    if (found > 1) {
      duplicateNotes += found - 1;
      note('duplicate_notes', `deal ${dealId}: ${found} notes for ${what}`);
    }
  };
  for (const document of appDocuments)
    expectNote(Number(KEY.exec(document.reference)![1]), document.id, `document ${document.id}`);
  const ours = new Set(truth.deals.map((deal) => deal.companyId));
  const runs = app.runs.filter((run) => ours.has(run.companyId));
  for (const run of runs)
    if (run.dealId !== null && STOPPED.has(run.status))
      expectNote(run.dealId, `/runs/${run.id}/`, `${run.status} run ${run.id} (${run.reasonCode})`);

  const stalled = runs.filter((run) => run.status === 'queued' || run.status === 'running');
  for (const run of stalled) note('stalled', `run ${run.id} of deal ${run.dealId}: ${run.status}`);
  const usage = [...ours].reduce((sum, companyId) => sum + (app.usage.get(companyId) ?? 0), 0);

  return {
    figures: {
      deals: fired.length,
      documents: appDocuments.length,
      duplicates,
      lost_documents: lost,
      wrong_customer: wrong,
      lost_notes: lostNotes,
      usage_count: usage,
      stalled: stalled.length,
      crashes: processes.crashes,
      max_recovery_seconds: processes.recovery.maxSeconds,
    },
    breakdown: {
      stopped_valid: stoppedValid,
      lost_after_ban: lostAfterBan,
      duplicate_notes: duplicateNotes,
      waiting_fix: runs.filter((run) => run.status === 'waiting_fix').length,
      failed_runs: runs.filter((run) => run.status === 'failed').length,
      pending_jobs: app.pendingJobs,
      unrecovered: processes.recovery.unrecovered,
    },
    examples,
  };
}

/**
 * A document may go to the customer's own contact — ACTIVE and carrying the customer's contact
 * number, unless it was made by hand with another number — or to a hand-made twin of the customer.
 */
function isLegitimate(
  truth: OracleTruth,
  vendors: VendorState,
  deal: TruthDeal,
  document: XeroDocumentFact,
): boolean {
  if (truth.twins.get(deal.customer.key)?.has(document.contactId)) return true;
  const contact = (vendors.contacts.get(document.tenantId) ?? []).find(
    (candidate) => candidate.ContactID === document.contactId,
  );
  if (!contact || contact.ContactStatus !== 'ACTIVE') return false;
  if (contact.ContactNumber !== deal.customer.number) return false;
  const made = truth.preseeded.get(contact.ContactID);
  return made === undefined || made === deal.customer.number;
}
