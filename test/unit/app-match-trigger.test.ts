import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { matchTrigger } from '../../src/sync/usecases/match-trigger.js';
import type { DealTransition } from '../../src/pipedrive/webhook.js';
import { parseSettings } from '../../src/sync/settings.js';

function triggers(input: unknown) {
  const parsed = parseSettings({ triggers: input });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.settings.triggers;
}

const moved = (toStageId: number, won = false, pipelineId = 1): DealTransition => ({
  kind: 'stage_changed',
  dealId: 7,
  fromStageId: 2,
  toStageId,
  pipelineId,
  won,
});

const rules = triggers({
  rules: [
    { pipelineId: 1, stageId: 4, document: 'invoice' },
    { pipelineId: 1, stageId: 2, document: 'quote' },
  ],
  onWon: 'invoice',
});

describe('matchTrigger', () => {
  const cases: [string, DealTransition | null, ReturnType<typeof matchTrigger>][] = [
    ['a configured stage', moved(4), { matched: true, triggerKey: 'stage:1:4', kind: 'invoice' }],
    [
      'another configured stage',
      moved(2),
      { matched: true, triggerKey: 'stage:1:2', kind: 'quote' },
    ],
    [
      'the stage rule wins over onWon',
      moved(4, true),
      { matched: true, triggerKey: 'stage:1:4', kind: 'invoice' },
    ],
    [
      'a won move into an unconfigured stage',
      moved(3, true),
      { matched: true, triggerKey: 'won', kind: 'invoice' },
    ],
    [
      'a plain win',
      { kind: 'won', dealId: 7 },
      { matched: true, triggerKey: 'won', kind: 'invoice' },
    ],
    [
      'an unconfigured stage',
      moved(3),
      { matched: false, outcome: 'ignored: stage 3 not configured' },
    ],
    [
      'the same stage id in another pipeline',
      moved(4, false, 2),
      { matched: false, outcome: 'ignored: stage 4 not configured' },
    ],
    ['no transition', null, { matched: false, outcome: 'ignored: not a stage change or win' }],
  ];
  for (const [name, transition, expected] of cases) {
    it(name, () => assert.deepEqual(matchTrigger(rules, transition), expected));
  }

  it('ignores wins when onWon is not set', () => {
    assert.deepEqual(matchTrigger(triggers({}), { kind: 'won', dealId: 7 }), {
      matched: false,
      outcome: 'ignored: no trigger for won deals',
    });
  });
});
