import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  intentToReceiveRequest,
  judgeIntentToReceive,
} from '../../sandbox/xero/webhooks/intent-to-receive.js';
import {
  formatEventDateUtc,
  signBody,
  toWebhookEvent,
} from '../../sandbox/xero/webhooks/payload.js';

const ok = (status: number | null, body = '') => ({
  status,
  body,
  headers: {},
  durationMs: 3,
  ...(status === null && { error: 'timeout' }),
});

describe('Xero webhook payload', () => {
  it('signs with base64 HMAC-SHA256 (RFC 4231-style known vector)', () => {
    assert.equal(
      signBody('key', 'The quick brown fox jumps over the lazy dog'),
      '97yD9DBThCSxMpjmqm+xQ+9NWaFJRhdZl0edvC0aPNg=',
    );
  });

  it('signature changes with a single byte of the body', () => {
    assert.notEqual(signBody('k', '{"a":1}'), signBody('k', '{"a": 1}'));
  });

  it('eventDateUtc keeps milliseconds and drops the Z', () => {
    assert.equal(
      formatEventDateUtc(Date.parse('2024-06-21T01:15:39.902Z')),
      '2024-06-21T01:15:39.902',
    );
  });

  it('resourceUrl points at the collection under the configured API base', () => {
    const event = toWebhookEvent(
      { category: 'CONTACT', type: 'UPDATE', tenantId: 't', resourceId: 'r', atMs: 0 },
      'http://127.0.0.1:4010/api.xro/2.0/',
    );
    assert.equal(event.resourceUrl, 'http://127.0.0.1:4010/api.xro/2.0/Contacts/r');
    assert.deepEqual(
      [event.eventCategory, event.eventType, event.tenantType],
      ['CONTACT', 'UPDATE', 'ORGANISATION'],
    );
  });
});

describe('Intent to Receive', () => {
  it('bad requests carry a well-formed but wrong signature over an empty-events body', () => {
    const good = intentToReceiveRequest('key', true);
    const bad = intentToReceiveRequest('key', false);
    assert.equal(good.signature, signBody('key', good.body));
    assert.notEqual(bad.signature, signBody('key', bad.body));
    assert.match(bad.signature, /^[A-Za-z0-9+/]{43}=$/);
    assert.deepEqual(
      { ...JSON.parse(bad.body), entropy: '' },
      { events: [], firstEventSequence: 0, lastEventSequence: 0, entropy: '' },
    );
  });

  const target = { clientId: 'c', url: 'u' };
  for (const [label, answers, status] of [
    [
      '200 good / 401 bad',
      [
        [true, ok(200)],
        [false, ok(401)],
      ],
      'OK',
    ],
    [
      'always 200',
      [
        [true, ok(200)],
        [false, ok(200)],
      ],
      'failed',
    ],
    [
      'always 401',
      [
        [true, ok(401)],
        [false, ok(401)],
      ],
      'failed',
    ],
    [
      'timeout',
      [
        [true, ok(null)],
        [false, ok(401)],
      ],
      'failed',
    ],
  ] as const) {
    it(`judges a receiver that answers ${label} → ${status}`, () => {
      const result = judgeIntentToReceive(
        target,
        answers.map(([correctlySigned, result]) => ({ correctlySigned, result })),
      );
      assert.equal(result.status, status);
      assert.equal(result.reasons.length === 0, status === 'OK');
    });
  }

  it('a 200 with a body is a warning, not a failure', () => {
    const result = judgeIntentToReceive(target, [{ correctlySigned: true, result: ok(200, 'ok') }]);
    assert.equal(result.status, 'OK');
    assert.equal(result.warnings.length, 1);
  });
});
