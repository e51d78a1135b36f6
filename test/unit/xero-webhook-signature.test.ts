import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { signBody } from '../../sandbox/xero/webhooks/payload.js';
import {
  eventDate,
  isIntentToReceive,
  parseXeroWebhook,
  verifyXeroSignature,
} from '../../src/xero/webhook.js';

/** Xero webhooks (docs/vendors/xero.md §14): signature over the raw bytes, thin payloads, Intent to Receive. */

const KEY = 'webhook-key-1';
const body = JSON.stringify({
  events: [
    {
      resourceUrl: 'https://api.xero.com/api.xro/2.0/Invoices/717f2bfc-0000-4000-8000-000000000001',
      resourceId: '717f2bfc-0000-4000-8000-000000000001',
      eventDateUtc: '2024-06-21T01:15:39.902',
      eventType: 'UPDATE',
      eventCategory: 'INVOICE',
      tenantId: 'c2cc9b6e-0000-4000-8000-000000000002',
      tenantType: 'ORGANISATION',
    },
  ],
  firstEventSequence: 1,
  lastEventSequence: 1,
  entropy: 'S0m3r4Nd0mt3xt',
});

describe('verifyXeroSignature', () => {
  it('accepts the known answer: base64 HMAC-SHA256 of the body with the key', () => {
    assert.equal(
      verifyXeroSignature(
        'The quick brown fox jumps over the lazy dog',
        '97yD9DBThCSxMpjmqm+xQ+9NWaFJRhdZl0edvC0aPNg=',
        'key',
      ),
      true,
    );
  });

  it('agrees with the sandbox signer on a Buffer of the raw bytes', () => {
    assert.equal(verifyXeroSignature(Buffer.from(body), signBody(KEY, body), KEY), true);
  });

  const cases: [string, string | Buffer, string | undefined, string][] = [
    ['a tampered body (one byte)', body.replace('UPDATE', 'UPDATe'), signBody(KEY, body), KEY],
    [
      'the same JSON re-serialised',
      JSON.stringify(JSON.parse(body), null, 1),
      signBody(KEY, body),
      KEY,
    ],
    ['the wrong key', body, signBody('other-key', body), KEY],
    ['an empty header', body, '', KEY],
    ['no header', body, undefined, KEY],
    ['a truncated signature', body, signBody(KEY, body).slice(0, 20), KEY],
    ['a signature that is not base64', body, '!!!not base64!!!', KEY],
    ['an empty webhook key', body, signBody('', body), ''],
  ];
  for (const [name, raw, header, key] of cases) {
    it(`refuses ${name}`, () => assert.equal(verifyXeroSignature(raw, header, key), false));
  }
});

describe('parseXeroWebhook', () => {
  const event = JSON.parse(body).events[0];
  const payload = (events: unknown[]) => ({
    events,
    firstEventSequence: 1,
    lastEventSequence: 1,
    entropy: 'x',
  });

  it('parses an event, normalising type and category to uppercase', () => {
    const parsed = parseXeroWebhook(
      payload([{ ...event, eventType: 'Update', eventCategory: 'Invoice' }]),
    );
    assert.ok(parsed.ok);
    assert.equal(parsed.payload.events[0]?.eventType, 'UPDATE');
    assert.equal(parsed.payload.events[0]?.eventCategory, 'INVOICE');
    assert.equal(isIntentToReceive(parsed.payload), false);
  });

  it('takes an empty events list as Intent to Receive', () => {
    const parsed = parseXeroWebhook({
      events: [],
      firstEventSequence: 0,
      lastEventSequence: 0,
      entropy: 'ABC',
    });
    assert.ok(parsed.ok);
    assert.equal(isIntentToReceive(parsed.payload), true);
  });

  it('reads eventDateUtc (no Z) as UTC', () => {
    assert.equal(eventDate(event).toISOString(), '2024-06-21T01:15:39.902Z');
  });

  const invalid: [string, unknown, RegExp][] = [
    ['not an object', 'hello', /expected object/i],
    ['no events', { firstEventSequence: 0, lastEventSequence: 0, entropy: 'x' }, /^events:/],
    [
      'an event without resourceId',
      payload([{ ...event, resourceId: undefined }]),
      /events\.0\.resourceId/,
    ],
    ['an empty eventType', payload([{ ...event, eventType: '' }]), /events\.0\.eventType/],
    [
      'a date that is not a date',
      payload([{ ...event, eventDateUtc: 'yesterday' }]),
      /eventDateUtc: must be a UTC date-time/,
    ],
    [
      'a sequence that is text',
      { ...payload([]), firstEventSequence: '1' },
      /^firstEventSequence:/,
    ],
  ];
  for (const [name, input, message] of invalid) {
    it(`refuses ${name}, naming the field`, () => {
      const parsed = parseXeroWebhook(input);
      assert.ok(!parsed.ok);
      assert.ok(
        parsed.errors.some((error) => message.test(error)),
        parsed.errors.join('; '),
      );
    });
  }
});
