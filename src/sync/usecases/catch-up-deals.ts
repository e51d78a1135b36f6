import type { Logger } from '../../logger.js';
import type { PipedriveClient } from '../../pipedrive/client.js';
import { firedSince, type Triggers } from './match-trigger.js';
import { startTriggerRun, type TriggerRunDeps } from './start-trigger-run.js';

/**
 * The reconciliation half of the catch-up: every deal Pipedrive says was updated since
 * `updatedSince` (API v2 GET /deals, cursor pages) whose stage or win fired a trigger at or after
 * `firedFrom` gets that trigger's run, unless the firing already has one (startTriggerRun makes it
 * once, whether the webhook, an earlier check or this one reports it first). A deal updated in the
 * window but moved into its stage before `firedFrom` starts nothing.
 */
export interface CatchUpDealsDeps extends TriggerRunDeps {
  pipedrive: PipedriveClient;
  logger: Logger;
}

export interface CatchUpDealsInput {
  companyId: number;
  triggers: Triggers;
  updatedSince: Date;
  firedFrom: Date;
  /** Called after each page (the caller renews its lease). */
  afterPage?: () => Promise<void>;
  /** Checked between pages: an aborted pass stops early and reports it. */
  signal?: AbortSignal;
}

export interface CatchUpDealsResult {
  dealsExamined: number;
  runsStarted: number;
  /** False when the signal stopped it before the last page. */
  complete: boolean;
}

export async function catchUpDeals(
  deps: CatchUpDealsDeps,
  input: CatchUpDealsInput,
): Promise<CatchUpDealsResult> {
  const { companyId, triggers, firedFrom } = input;
  const result = { dealsExamined: 0, runsStarted: 0, complete: false };
  const updatedSince = rfc3339Seconds(input.updatedSince);
  let cursor: string | undefined;
  do {
    if (input.signal?.aborted) return result;
    const page = await deps.pipedrive.listDeals({
      updatedSince,
      ...(cursor !== undefined && { cursor }),
    });
    for (const deal of page.items) {
      result.dealsExamined += 1;
      for (const trigger of firedSince(triggers, deal, firedFrom)) {
        const firing = { ...trigger, companyId, dealId: deal.id, source: 'catch-up' as const };
        const start = await startTriggerRun(deps, firing);
        if (!start.started) continue;
        result.runsStarted += 1;
        deps.logger.warn(
          { companyId, dealId: deal.id, triggerKey: trigger.triggerKey, runId: start.run.id },
          'catch-up: started a run no webhook had started',
        );
      }
    }
    await input.afterPage?.();
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return { ...result, complete: true };
}

/** `updated_since` as Pipedrive documents it (RFC 3339, whole seconds), rounded down. */
function rfc3339Seconds(date: Date): string {
  return new Date(Math.floor(date.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
