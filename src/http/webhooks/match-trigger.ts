import type { DealTransition } from '../../pipedrive/webhook.js';
import type { Settings } from '../../sync/settings.js';

/**
 * Which configured trigger, if any, a deal transition fires (pure). A stage rule wins over
 * `onWon` when one edit both moved the deal and won it, so one edit makes at most one document.
 * The trigger key names the trigger, not the event: every delivery of "deal 7 entered Won" has the
 * same key, which is what makes duplicates and out-of-order deliveries harmless (invariant 1).
 */
export type TriggerMatch =
  | { matched: true; triggerKey: string; kind: 'invoice' | 'quote' }
  | { matched: false; outcome: string };

export function matchTrigger(
  triggers: Settings['triggers'],
  transition: DealTransition | null,
): TriggerMatch {
  if (transition === null) return { matched: false, outcome: 'ignored: not a stage change or win' };
  if (transition.kind === 'stage_changed') {
    const rule = triggers.rules.find(
      (candidate) =>
        candidate.pipelineId === transition.pipelineId &&
        candidate.stageId === transition.toStageId,
    );
    if (rule !== undefined) {
      return {
        matched: true,
        triggerKey: `stage:${rule.pipelineId}:${rule.stageId}`,
        kind: rule.document,
      };
    }
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
