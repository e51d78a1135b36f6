import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { buildV2Payload } from '../../sandbox/pipedrive/webhooks/payload.js';
import type { PipedriveWebhook } from '../../sandbox/pipedrive/webhooks/subscription.js';
import {
  parseWebhookCreate,
  subscriptionMatches,
} from '../../sandbox/pipedrive/webhooks/validation.js';

const valid = {
  subscription_url: 'https://app.example/hooks',
  event_action: 'change',
  event_object: 'deal',
  name: 'Deals',
};

describe('webhook create validation', () => {
  for (const [label, body, fields] of [
    ['missing everything', {}, ['event_action', 'event_object', 'name', 'subscription_url']],
    ['old action name', { ...valid, event_action: 'updated' }, ['event_action']],
    ['unknown object', { ...valid, event_object: 'invoice' }, ['event_object']],
    ['relative URL', { ...valid, subscription_url: '/hooks' }, ['subscription_url']],
    ['ftp URL', { ...valid, subscription_url: 'ftp://app.example/x' }, ['subscription_url']],
    [
      'Pipedrive URL',
      { ...valid, subscription_url: 'https://acme.pipedrive.com/api/v1/deals' },
      ['subscription_url'],
    ],
    ['name over 255', { ...valid, name: 'x'.repeat(256) }, ['name']],
    ['version 1.0 (not delivered by the sandbox)', { ...valid, version: '1.0' }, ['version']],
    ['bad user_id', { ...valid, user_id: 'abc' }, ['user_id']],
  ] as const) {
    it(`refuses ${label}`, () => {
      const result = parseWebhookCreate(body);
      assert.equal(result.ok, false);
      if (!result.ok) assert.deepEqual(Object.keys(result.errors).sort(), [...fields]);
    });
  }

  it('accepts wildcards and defaults version to 2.0 and auth to null', () => {
    const result = parseWebhookCreate({ ...valid, event_action: '*', event_object: '*' });
    assert.deepEqual(result, {
      ok: true,
      value: {
        subscriptionUrl: valid.subscription_url,
        eventAction: '*',
        eventObject: '*',
        name: 'Deals',
        httpAuthUser: null,
        httpAuthPassword: null,
        version: '2.0',
      },
    });
  });

  it('matches action and object, each possibly a wildcard', () => {
    const change = { action: 'change', entity: 'deal' };
    assert.equal(subscriptionMatches({ eventAction: 'change', eventObject: 'deal' }, change), true);
    assert.equal(subscriptionMatches({ eventAction: '*', eventObject: 'deal' }, change), true);
    assert.equal(subscriptionMatches({ eventAction: 'change', eventObject: '*' }, change), true);
    assert.equal(
      subscriptionMatches({ eventAction: 'create', eventObject: 'deal' }, change),
      false,
    );
    assert.equal(
      subscriptionMatches({ eventAction: 'change', eventObject: 'person' }, change),
      false,
    );
  });
});

describe('v2 webhook payload', () => {
  const webhook = { id: 12, ownerId: 1001, userId: 1002, type: 'application' } as PipedriveWebhook;
  const ids = { id: 'e', correlationId: 'c', host: 'kauricoast.pipedrive.com', attempt: 2 };
  const base = {
    companyId: 7001,
    userId: 1001,
    entity: 'deal',
    entityId: 8,
    changeSource: 'app',
    atMs: 0,
  } as const;

  it('uses string ids in meta and the ISO timestamp with milliseconds', () => {
    const { meta } = buildV2Payload(
      { ...base, action: 'create', data: { id: 8 }, previous: null },
      webhook,
      ids,
    );
    assert.deepEqual(
      [
        meta.company_id,
        meta.entity_id,
        meta.user_id,
        meta.webhook_id,
        meta.webhook_owner_id,
        meta.permitted_user_ids,
      ],
      ['7001', '8', '1001', '12', '1001', ['1002']],
    );
    assert.equal(meta.timestamp, '1970-01-01T00:00:00.000Z');
    assert.deepEqual(
      [meta.attempt, meta.host, meta.change_source, meta.version],
      [2, 'kauricoast.pipedrive.com', 'app', '2.0'],
    );
  });

  it('create → previous null; delete → data null', () => {
    const created = buildV2Payload(
      { ...base, action: 'create', data: { id: 8 }, previous: { stale: 1 } },
      webhook,
      ids,
    );
    assert.deepEqual([created.data, created.previous], [{ id: 8 }, null]);
    const deleted = buildV2Payload(
      { ...base, action: 'delete', data: { id: 8 }, previous: { id: 8 } },
      webhook,
      ids,
    );
    assert.deepEqual([deleted.data, deleted.previous], [null, { id: 8 }]);
  });
});
