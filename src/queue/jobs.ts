import { z } from 'zod';

import { BULK_SYNC_WHATS } from '../store/tables.js';

/**
 * Job name → payload: the typed contract between whoever enqueues and the handler (graphile
 * `Tasks`). Payloads are re-validated when a job is taken, because they come back from the database
 * and may have been written by an older version of the app; an invalid one fails without retrying.
 * Payloads carry ids only — handlers read the current state themselves.
 */
const id = z.number().int().positive();
const runId = z.string().min(1);

export const jobPayloadSchemas = {
  /** Make the draft invoice/quote for a deal that entered a trigger stage (sync/usecases). */
  'document-for-deal': z.strictObject({
    companyId: id,
    dealId: id,
    triggerKey: z.string().min(1),
    runId,
  }),
  /** Push a Pipedrive organisation or person to Xero as a contact ("Update" on a panel). */
  'sync-contact': z.strictObject({
    companyId: id,
    kind: z.enum(['organization', 'person']),
    pipedriveId: id,
    runId,
  }),
  /** Push a Pipedrive product to Xero as an item. */
  'sync-item': z.strictObject({ companyId: id, productId: id, runId }),
  /** Every customer or product of the company → Xero (bulkSync: resumes where a pass stopped). */
  'bulk-sync': z.strictObject({ companyId: id, what: z.enum(BULK_SYNC_WHATS) }),
  /** A Xero webhook event about an invoice: bring our copy up to date (refreshDocument). */
  'refresh-document': z.strictObject({
    companyId: id,
    tenantId: z.string().min(1),
    resourceId: z.string().min(1),
    category: z.string().min(1),
  }),
  /** Write a note of the outbox on its deal, exactly once (deliverDealNote). */
  'deal-note': z.strictObject({ companyId: id, noteId: z.uuid() }),
  /** Run a failed run again as a new attempt (`runId` is the run being replayed). */
  replay: z.strictObject({ companyId: id, runId }),
  /**
   * The company's periodic check (services/catch-up.ts): webhook health, then missed trigger
   * runs. Each run queues the next, under the job key `catch-up:<companyId>`.
   */
  'catch-up': z.strictObject({ companyId: id }),
} as const;

export type JobName = keyof typeof jobPayloadSchemas;
export type JobPayloads = { [N in JobName]: z.infer<(typeof jobPayloadSchemas)[N]> };

export const jobNames = Object.keys(jobPayloadSchemas) as JobName[];

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(jobPayloadSchemas, name);
}

/** Parses a stored payload for `name`; returns undefined if it no longer fits the contract. */
export function parseJobPayload<N extends JobName>(
  name: N,
  payload: unknown,
): JobPayloads[N] | undefined {
  const parsed = jobPayloadSchemas[name].safeParse(payload);
  return parsed.success ? (parsed.data as JobPayloads[N]) : undefined;
}
