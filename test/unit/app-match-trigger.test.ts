import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { DealTransition } from '../../src/pipedrive/webhook.js';
import { parseSettings } from '../../src/sync/settings.js';
import { type DealState, firedSince, matchTrigger } from '../../src/sync/usecases/match-trigger.js';

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

describe('firedSince (the catch-up reads the deal as the API shows it)', () => {
  const from = new Date('2026-03-02T09:00:00Z');
  const deal = (fields: Partial<DealState>): DealState => ({
    pipeline_id: 1,
    stage_id: 3,
    status: 'open',
    stage_change_time: null,
    won_time: null,
    ...fields,
  });
  const at = (time: string) => new Date(time);
  const cases: [string, DealState, ReturnType<typeof firedSince>][] = [
    [
      'entered a configured stage since',
      deal({ stage_id: 2, stage_change_time: '2026-03-02T09:00:00Z' }),
      [{ triggerKey: 'stage:1:2', kind: 'quote', firedAt: at('2026-03-02T09:00:00Z') }],
    ],
    ['entered it before', deal({ stage_id: 2, stage_change_time: '2026-03-02T08:59:59Z' }), []],
    ['never moved', deal({ stage_id: 2 }), []],
    ['an unconfigured stage', deal({ stage_change_time: '2026-03-02T09:30:00Z' }), []],
    [
      'won since, in an unconfigured stage',
      deal({ status: 'won', won_time: '2026-03-02T09:30:00Z' }),
      [{ triggerKey: 'won', kind: 'invoice', firedAt: at('2026-03-02T09:30:00Z') }],
    ],
    [
      'won by the edit that moved it into a rule stage: the rule only',
      deal({
        stage_id: 4,
        status: 'won',
        stage_change_time: '2026-03-02T09:30:00Z',
        won_time: '2026-03-02T09:30:00Z',
      }),
      [{ triggerKey: 'stage:1:4', kind: 'invoice', firedAt: at('2026-03-02T09:30:00Z') }],
    ],
    [
      'moved into a rule stage, then won by a later edit: both',
      deal({
        stage_id: 2,
        status: 'won',
        stage_change_time: '2026-03-02T09:10:00Z',
        won_time: '2026-03-02T09:30:00Z',
      }),
      [
        { triggerKey: 'stage:1:2', kind: 'quote', firedAt: at('2026-03-02T09:10:00Z') },
        { triggerKey: 'won', kind: 'invoice', firedAt: at('2026-03-02T09:30:00Z') },
      ],
    ],
    ['won, then reopened', deal({ status: 'open', won_time: '2026-03-02T09:30:00Z' }), []],
    [
      'the same stage id in another pipeline',
      deal({ pipeline_id: 2, stage_id: 4, stage_change_time: '2026-03-02T09:30:00Z' }),
      [],
    ],
  ];
  for (const [name, state, expected] of cases) {
    it(name, () => assert.deepEqual(firedSince(rules, state, from), expected));
  }

  it('fires nothing for wins when onWon is not set', () => {
    const won = deal({ status: 'won', won_time: '2026-03-02T09:30:00Z' });
    assert.deepEqual(firedSince(triggers({}), won, from), []);
  });
});
