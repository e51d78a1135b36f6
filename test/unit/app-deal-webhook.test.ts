import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { PipedriveWebhookSubscription } from '../../src/pipedrive/types.js';
import { judgeWebhooks, WEBHOOK_NAME } from '../../src/services/deal-webhook.js';

/** Which of Pipedrive's listed webhooks the app keeps, removes, and what was wrong (pure). */
const URL = 'https://sync.example.com/webhooks/pipedrive/7001';

function webhook(id: number, fields: Partial<PipedriveWebhookSubscription> = {}) {
  return {
    id,
    event_action: 'change',
    event_object: 'deal',
    subscription_url: URL,
    version: '2.0',
    is_active: 1,
    type: 'application',
    name: WEBHOOK_NAME,
    ...fields,
  };
}

describe('judgeWebhooks', () => {
  const cases: [
    string,
    PipedriveWebhookSubscription[],
    number | undefined,
    number[],
    string | null,
  ][] = [
    ['the good one', [webhook(1)], 1, [], null],
    ['is_active as a boolean', [webhook(1, { is_active: true })], 1, [], null],
    ['none', [], undefined, [], 'missing'],
    [
      'another app user’s general webhook only',
      [webhook(5, { name: 'other', subscription_url: 'https://x.example/hook' })],
      undefined,
      [],
      'missing',
    ],
    ['banned (inactive)', [webhook(1, { is_active: 0 })], undefined, [1], 'inactive'],
    [
      'pointing at an old address',
      [webhook(1, { subscription_url: 'https://old.example.com/webhooks/pipedrive/7001' })],
      undefined,
      [1],
      'elsewhere',
    ],
    ['for another event', [webhook(1, { event_action: '*' })], undefined, [1], 'elsewhere'],
    ['a good one and a stale copy', [webhook(1, { is_active: 0 }), webhook(2)], 2, [1], null],
  ];
  for (const [name, listed, keep, remove, problem] of cases) {
    it(name, () => {
      const judged = judgeWebhooks(listed, URL);
      assert.equal(judged.keep?.id, keep);
      assert.deepEqual(
        judged.remove.map((w) => w.id),
        remove,
      );
      assert.equal(judged.problem, problem);
    });
  }
});
