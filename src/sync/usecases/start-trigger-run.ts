import { randomUUID } from 'node:crypto';

import type { Clock } from '../../clock.js';
import {
  detectDealTransition,
  type PipedriveWebhookEvent,
  transitionTime,
} from '../../pipedrive/webhook.js';
import type { JobPayloads } from '../../queue/jobs.js';
import type { JobQueue } from '../../queue/port.js';
import { type Db, withTransaction } from '../../store/db.js';
import {
  countQueuedRunsBefore,
  createRun,
  getRun,
  listRunsForDeal,
  type Run,
} from '../../store/repos/runs.js';
import { claimFiring, getFiring, setFiringRun } from '../../store/repos/trigger-firings.js';
import type { FiringSource } from '../../store/tables.js';
import { type ParsedSettings, parseSettings } from '../settings.js';
import {
  type FiredTrigger,
  matchTrigger,
  type Trigger,
  type TriggerMatch,
} from './match-trigger.js';

/**
 * A deal fired a trigger → one run of it, and its document-for-deal job. Called by the webhook
 * intake and by the catch-up (services/catch-up.ts), in any order and any number of times for
 * the same firing: late, duplicated and out-of-order deliveries, a catch-up that got there first, a
 * crash between the commit and the enqueue (the caller runs again: the inbox sweep, the next check).
 *
 * Exactly once: the firing is claimed in `trigger_firings` in the same transaction that makes its
 * run (store/repos/trigger-firings.ts). Reports of one trigger less than SAME_FIRING_MS apart are the
 * same firing (a webhook carries the event's time, the API whole seconds); an older report than the
 * one claimed is stale. Either way the claimed run is joined, and enqueued again while it is still
 * queued (the job key makes that harmless). A new firing while a run of the trigger is queued or
 * running joins that run: it will make or find the trigger's one document.
 */
export interface TriggerRunDeps {
  db: Db;
  clock: Clock;
  queue: JobQueue;
}

export interface TriggerFiring extends FiredTrigger {
  companyId: number;
  dealId: number;
  source: FiringSource;
}

export type TriggerRunStart = { started: boolean; run: Run };

export const SAME_FIRING_MS = 5_000;

export async function startTriggerRun(
  deps: TriggerRunDeps,
  firing: TriggerFiring,
): Promise<TriggerRunStart> {
  const { companyId, dealId, triggerKey, kind } = firing;
  const key = { companyId, dealId, triggerKey };
  const start = await withTransaction(deps.db, async (trx): Promise<TriggerRunStart> => {
    const now = deps.clock.now();
    const newRun = (id: string) => createRun(trx, { id, companyId, kind, dealId, triggerKey }, now);
    const runId = randomUUID();
    const claim = { ...key, firedAt: firing.firedAt, source: firing.source, runId };
    if (await claimFiring(trx, claim, SAME_FIRING_MS, now)) {
      const active = (await listRunsForDeal(trx, companyId, dealId)).find(
        (run) =>
          run.triggerKey === triggerKey && (run.status === 'queued' || run.status === 'running'),
      );
      if (active === undefined) return { started: true, run: await newRun(runId) };
      await setFiringRun(trx, key, active.id);
      return { started: false, run: active };
    }
    const claimed = await getFiring(trx, key);
    const run = claimed && (await getRun(trx, companyId, claimed.runId));
    if (run) return { started: false, run };
    // The claimed run is gone (it cannot be, short of a hand-edited store): make it again.
    await setFiringRun(trx, key, runId);
    return { started: true, run: await newRun(runId) };
  });
  if (start.run.status === 'queued') {
    const { createdAt } = start.run;
    const turn = () => countQueuedRunsBefore(deps.db, companyId, createdAt, TURN_CAP);
    await enqueueDocumentRun(deps.queue, { ...key, runId: start.run.id }, turn);
  }
  return start;
}

/** Turns counted past this are all one: the count stays cheap under any backlog. */
const TURN_CAP = 1_000;

/** Pure: the trigger the event fires under the company's settings, or why it fires none. */
export function matchEvent(settings: ParsedSettings, event: PipedriveWebhookEvent): TriggerMatch {
  if (!settings.ok) return { matched: false, outcome: 'ignored: settings invalid' };
  return matchTrigger(settings.settings.triggers, detectDealTransition(event));
}

/** The webhook path: the event's transition → the trigger it fires, if any → startTriggerRun. */
export async function startRunForEvent(
  deps: TriggerRunDeps,
  company: { id: number; settings: unknown },
  event: PipedriveWebhookEvent,
): Promise<string> {
  const match = matchEvent(parseSettings(company.settings), event);
  if (!match.matched) return match.outcome;
  return startRunForMatch(deps, company.id, event, match);
}

/** The run of a trigger the event fired (matchEvent), started or joined; what happened, in words. */
export async function startRunForMatch(
  deps: TriggerRunDeps,
  companyId: number,
  event: PipedriveWebhookEvent,
  match: Trigger,
): Promise<string> {
  const field = match.triggerKey === 'won' ? 'won_time' : 'stage_change_time';
  const start = await startTriggerRun(deps, {
    companyId,
    dealId: Number(event.meta.entity_id),
    triggerKey: match.triggerKey,
    kind: match.kind,
    firedAt: transitionTime(event, field),
    source: 'webhook',
  });
  return describeStart(start);
}

export function describeStart({ started, run }: TriggerRunStart): string {
  if (started || run.status === 'queued') return `queued: run ${run.id}`;
  if (run.status === 'running') return `joined: run ${run.id} is running`;
  return `already handled: run ${run.id} ${run.status}`;
}

/**
 * Enqueues a run's document-for-deal job under its trigger's job key (one waiting job each), at
 * its turn among the company's waiting jobs (port.ts EnqueueOptions.turn); a person's run has
 * none, so it takes turn 0.
 */
export async function enqueueDocumentRun(
  queue: JobQueue,
  job: JobPayloads['document-for-deal'],
  turn?: () => Promise<number>,
): Promise<void> {
  await queue.enqueue('document-for-deal', job, {
    jobKey: documentJobKey(job.companyId, job.dealId, job.triggerKey),
    ...(turn && { turn }),
  });
}

/** The queue's job key: one waiting job per company, deal and trigger. */
export function documentJobKey(companyId: number, dealId: number, triggerKey: string): string {
  return `${companyId}:${dealId}:${triggerKey}`;
}
