import type { DealTransition } from '../../pipedrive/webhook.js';
import type { DocumentKind } from '../document-kinds.js';
import type { Settings } from '../settings.js';

/**
 * Which configured trigger a deal fired, pure, seen two ways: from a webhook's transition
 * (matchTrigger) and from the deal's current state as the API shows it (firedSince, for the
 * catch-up). A stage rule wins over `onWon` when one edit both moved the deal and won it, so one
 * edit makes at most one document. The trigger key names the trigger, not the event: every
 * delivery of "deal 7 entered Won" has the same key, which is what makes duplicates and
 * out-of-order deliveries harmless (invariant 1).
 */
export type Triggers = Settings['triggers'];

export interface Trigger {
  triggerKey: string;
  kind: DocumentKind;
}

export type TriggerMatch = ({ matched: true } & Trigger) | { matched: false; outcome: string };

/** A trigger the deal fired at `firedAt` (Pipedrive's time). */
export interface FiredTrigger extends Trigger {
  firedAt: Date;
}

/** What of a deal the catch-up reads: fields of Pipedrive's API v2 deal. */
export interface DealState {
  pipeline_id: number;
  stage_id: number;
  status: string;
  stage_change_time: string | null;
  won_time: string | null;
}

/** Whether any trigger is configured at all (a catch-up with none has nothing to look for). */
export function canFire(triggers: Triggers): boolean {
  return triggers.rules.length > 0 || triggers.onWon !== null;
}

/** Pipedrive's v2 times have whole seconds, so one edit's stage and won times agree to the second. */
const SAME_EDIT_MS = 1_000;

export function matchTrigger(triggers: Triggers, transition: DealTransition | null): TriggerMatch {
  if (transition === null) return { matched: false, outcome: 'ignored: not a stage change or win' };
  if (transition.kind === 'stage_changed') {
    const trigger = stageTrigger(triggers, transition.pipelineId, transition.toStageId);
    if (trigger !== undefined) return { matched: true, ...trigger };
  }
  const won = transition.kind === 'won' || transition.won;
  if (won && triggers.onWon !== null) {
    return { matched: true, triggerKey: 'won', kind: triggers.onWon };
  }
  if (transition.kind === 'stage_changed') {
    return {
      matched: false,
      outcome: `ignored: stage ${transition.toStageId} not configured`,
    };
  }
  return { matched: false, outcome: 'ignored: no trigger for won deals' };
}

/**
 * The triggers the deal's state says fired at or after `from`: its current stage's rule if it
 * entered that stage since, and `onWon` if it was won since (unless the same edit fired the stage
 * rule). A stage the deal entered and left again in between is not visible here.
 */
export function firedSince(triggers: Triggers, deal: DealState, from: Date): FiredTrigger[] {
  const fired: FiredTrigger[] = [];
  const stage = stageTrigger(triggers, deal.pipeline_id, deal.stage_id);
  const stageAt = timeOf(deal.stage_change_time);
  const stageFired = stage !== undefined && stageAt !== null && stageAt >= from;
  if (stageFired) fired.push({ ...stage, firedAt: stageAt });
  const wonAt = deal.status === 'won' ? timeOf(deal.won_time) : null;
  if (triggers.onWon !== null && wonAt !== null && wonAt >= from) {
    const sameEdit = stageFired && Math.abs(wonAt.getTime() - stageAt.getTime()) < SAME_EDIT_MS;
    if (!sameEdit) fired.push({ triggerKey: 'won', kind: triggers.onWon, firedAt: wonAt });
  }
  return fired;
}

function stageTrigger(
  triggers: Triggers,
  pipelineId: number,
  stageId: number,
): Trigger | undefined {
  const rule = triggers.rules.find(
    (candidate) => candidate.pipelineId === pipelineId && candidate.stageId === stageId,
  );
  if (rule === undefined) return undefined;
  return { triggerKey: `stage:${rule.pipelineId}:${rule.stageId}`, kind: rule.document };
}

function timeOf(text: string | null): Date | null {
  if (text === null) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}
