import { AppError } from '../../src/errors.js';
import type { JobPayloads } from '../../src/queue/jobs.js';
import type { JobContext, JobHandler, JobHandlers } from '../../src/queue/port.js';

/** Shared by the queue tests: handlers for one job kind, and errors shaped like the clients'. */
export function documentJob(dealId: number): JobPayloads['document-for-deal'] {
  return { companyId: 1, dealId, triggerKey: 'stage:3', runId: `run-${dealId}` };
}

/** Handlers where only document-for-deal is expected; any other job fails the test loudly. */
export function documentHandlers(handler: JobHandler<'document-for-deal'>): JobHandlers {
  const unexpected = async (_payload: unknown, context: JobContext) => {
    throw new Error(`unexpected job ${context.id}`);
  };
  return {
    'document-for-deal': handler,
    'sync-contact': unexpected,
    'sync-item': unexpected,
    'refresh-document': unexpected,
    'bulk-sync': unexpected,
    'deal-note': unexpected,
    replay: unexpected,
    'catch-up': unexpected,
  };
}

/** Like a client's 429/5xx error: retryable, maybe with a server-given delay. */
export class TransientError extends AppError {
  constructor(retryAfterMs?: number) {
    super('xero_unavailable', 'Xero is busy', { retryable: true, retryAfterMs });
  }
}

/** Like a validation refusal from Xero: retrying cannot help. */
export const permanentError = () =>
  new AppError('xero_validation_failed', 'Contact name is required', { retryable: false });
