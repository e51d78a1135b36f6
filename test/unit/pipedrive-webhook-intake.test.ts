import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  detectDealTransition,
  eventKey,
  parseWebhook,
  type PipedriveWebhookEvent,
  transitionTime,
} from '../../src/pipedrive/webhook.js';

// The documented v2 deal `change` payload (docs/vendors/pipedrive.md §5.3), trimmed to the meta and a few fields.
function dealChange(
  data: Record<string, unknown> | null,
  previous: Record<string, unknown> | null,
  meta: Record<string, unknown> = {},
) {
  return {
    meta: {
      action: 'change',
      entity: 'deal',
      company_id: '8087566',
      correlation_id: '121e5331-6a5d-4d55-9ac6-3fbe1e4d7e11',
      entity_id: '8',
      id: 'df47d877-0f9c-4ae3-b33b-2f5f2f0a8c3a',
      is_bulk_edit: false,
      timestamp: '2022-11-24T15:11:55.724Z',
      type: 'general',
      user_id: '12415231',
      version: '2.0',
      webhook_id: '4710827',
      webhook_owner_id: '12094821',
      change_source: 'app',
      attempt: 1,
      host: 'pd-us.pipedrive.com',
      permitted_user_ids: ['123'],
      ...meta,
    },
    data,
    previous,
  };
}

const deal = {
  id: 8,
  title: 'Sample Org deal',
  status: 'open',
  stage_id: 2,
  pipeline_id: 1,
  visible_to: '3',
};

function parsed(body: unknown): PipedriveWebhookEvent {
  const result = parseWebhook(body);
  assert.ok(result.ok, `expected a valid payload: ${JSON.stringify(result)}`);
  return result.event;
}

describe('parseWebhook', () => {
  it('accepts the documented v2 deal change and reads its time', () => {
    const event = parsed(dealChange(deal, { custom_fields: { abc: null } }));
    assert.equal(event.meta.entity_id, '8');
    assert.equal(event.meta.timestamp.toISOString(), '2022-11-24T15:11:55.724Z');
    assert.equal(eventKey(event), 'df47d877-0f9c-4ae3-b33b-2f5f2f0a8c3a');
  });

  it('accepts epoch-second timestamps (user events, §5.3), as number or string', () => {
    for (const timestamp of [1669304389, '1669304389']) {
      const event = parsed(
        dealChange({ id: 1 }, null, { action: 'create', entity: 'user', id: '1', timestamp }),
      );
      assert.equal(event.meta.timestamp.toISOString(), '2022-11-24T15:39:49.000Z');
    }
  });

  it('accepts a delete with data null and the last state in previous', () => {
    const event = parsed(dealChange(null, deal, { action: 'delete' }));
    assert.equal(event.data, null);
    assert.equal(event.previous?.['title'], 'Sample Org deal');
  });

  const malformed: [string, unknown, RegExp][] = [
    ['not an object', 'hello', /^body: /],
    ['no meta', { data: deal, previous: null }, /^meta: /],
    ['numeric meta ids', dealChange(deal, {}, { company_id: 8087566 }), /^meta\.company_id: /],
    ['unknown action', dealChange(deal, {}, { action: 'updated' }), /^meta\.action: /],
    ['bad timestamp', dealChange(deal, {}, { timestamp: 'yesterday' }), /^meta\.timestamp: .*ISO/],
    ['version 1.0 meta', dealChange(deal, {}, { version: '1.0' }), /^meta\.version: .*2\.0/],
    ['change without data', dealChange(null, {}), /^data: required for change/],
    [
      'a legacy v1 payload',
      { v: 1, event: 'updated.deal', meta: { id: 8 }, current: deal, previous: deal },
      /version 1\.0/,
    ],
  ];
  for (const [name, body, expected] of malformed) {
    it(`refuses ${name} with a clear error`, () => {
      const result = parseWebhook(body);
      assert.equal(result.ok, false);
      assert.ok(
        !result.ok && result.errors.some((error) => expected.test(error)),
        JSON.stringify(result),
      );
    });
  }
});

describe('detectDealTransition (docs/vendors/pipedrive.md §5.4)', () => {
  const won = { ...deal, status: 'won', stage_id: 4 };
  const table: [string, ReturnType<typeof dealChange>, ReturnType<typeof detectDealTransition>][] =
    [
      [
        'stage moved',
        dealChange({ ...deal, stage_id: 3 }, { stage_id: 2, update_time: '2022-11-24T15:00:00Z' }),
        {
          kind: 'stage_changed',
          dealId: 8,
          fromStageId: 2,
          toStageId: 3,
          pipelineId: 1,
          won: false,
        },
      ],
      [
        'moved to another pipeline',
        dealChange({ ...deal, stage_id: 7, pipeline_id: 2 }, { stage_id: 2, pipeline_id: 1 }),
        {
          kind: 'stage_changed',
          dealId: 8,
          fromStageId: 2,
          toStageId: 7,
          pipelineId: 2,
          won: false,
        },
      ],
      ['won', dealChange(won, { status: 'open' }), { kind: 'won', dealId: 8 }],
      [
        'won and moved in one edit',
        dealChange(won, { status: 'open', stage_id: 2 }),
        {
          kind: 'stage_changed',
          dealId: 8,
          fromStageId: 2,
          toStageId: 4,
          pipelineId: 1,
          won: true,
        },
      ],
      ['lost', dealChange({ ...deal, status: 'lost' }, { status: 'open' }), null],
      ['status present but already won', dealChange(won, { title: 'Old title' }), null],
      ['title edit', dealChange(deal, { title: 'Old title' }), null],
      ['deal created', dealChange(deal, null, { action: 'create' }), null],
      ['deal deleted', dealChange(null, deal, { action: 'delete' }), null],
      ['a note change with stage_id', dealChange(deal, { stage_id: 1 }, { entity: 'note' }), null],
      ['stage ids not numbers', dealChange({ ...deal, stage_id: '3' }, { stage_id: '2' }), null],
    ];
  for (const [name, body, expected] of table) {
    it(name, () => assert.deepEqual(detectDealTransition(parsed(body)), expected));
  }
});

describe('transitionTime', () => {
  const moved = { ...deal, stage_id: 3, stage_change_time: '2022-11-24T15:11:55Z' };
  const cases: [string, Record<string, unknown>, 'stage_change_time' | 'won_time', string][] = [
    [
      "the deal's stage_change_time, as the API shows it",
      moved,
      'stage_change_time',
      '2022-11-24T15:11:55.000Z',
    ],
    [
      "the deal's won_time",
      { ...deal, won_time: '2022-11-24T15:11:54Z' },
      'won_time',
      '2022-11-24T15:11:54.000Z',
    ],
    ['meta.timestamp when the field is absent', deal, 'won_time', '2022-11-24T15:11:55.724Z'],
    [
      'meta.timestamp when it is unreadable',
      { ...deal, stage_change_time: 'soon' },
      'stage_change_time',
      '2022-11-24T15:11:55.724Z',
    ],
  ];
  for (const [name, data, field, expected] of cases) {
    it(name, () => {
      const event = parsed(dealChange(data, { stage_id: 2 }));
      assert.equal(transitionTime(event, field).toISOString(), expected);
    });
  }
});
