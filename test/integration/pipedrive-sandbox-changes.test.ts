import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import {
  api,
  installDemoApp,
  type StartedPipedrive,
  startPipedriveSandbox,
  type TokenSet,
} from '../../sandbox/pipedrive/test-kit.js';
import type { PipedriveChange } from '../../sandbox/pipedrive/world.js';
import { resetSandbox } from '../support/sandbox-reset.js';

let pd: StartedPipedrive;
let tokens: TokenSet;
let changes: PipedriveChange[];
const control = (path: string, body: unknown = {}) =>
  fetch(`${pd.url}/__sandbox/pipedrive${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

before(async () => {
  pd = await startPipedriveSandbox();
  pd.sandbox.onChange((change) => changes.push(change));
});
after(async () => pd.running.close());
beforeEach(async () => {
  await resetSandbox(pd.url);
  tokens = await installDemoApp(pd.url);
  changes = [];
});

describe('Pipedrive sandbox change events (webhook v2 shape)', () => {
  it('announces a stage move made in the "UI" with previous holding only the changed fields', async () => {
    pd.sandbox.clock.advance(1000);
    const moved = await control('/companies/7001/deals/1/move', { stage_id: 3 });
    assert.equal(moved.status, 200);
    assert.equal(changes.length, 1);
    const [change] = changes as [PipedriveChange];
    assert.deepEqual(
      {
        companyId: change.companyId,
        userId: change.userId,
        entity: change.entity,
        action: change.action,
        entityId: change.entityId,
        source: change.changeSource,
      },
      {
        companyId: 7001,
        userId: 1001,
        entity: 'deal',
        action: 'change',
        entityId: 1,
        source: 'app',
      },
    );
    assert.deepEqual(Object.keys(change.previous!).sort(), [
      'stage_change_time',
      'stage_id',
      'update_time',
    ]);
    assert.equal(change.previous!['stage_id'], 2);
    assert.equal(change.data!['stage_id'], 3);
    assert.equal(change.data!['visible_to'], '3');
    assert.equal('is_deleted' in change.data!, false);
    const custom = change.data!['custom_fields'] as Record<string, unknown>;
    assert.ok(
      Object.values(custom).some(
        (value) => JSON.stringify(value) === JSON.stringify({ type: 'varchar', value: 'PO-7781' }),
      ),
    );
    assert.ok(
      Object.values(custom).some(
        (value) => JSON.stringify(value) === JSON.stringify({ type: 'enum', id: 1 }),
      ),
    );
  });

  it('moves many deals at once, as a bulk edit does: one change each; an unknown id moves none', async () => {
    const refused = await control('/companies/7001/deals/move', {
      deal_ids: [1, 999],
      stage_id: 3,
    });
    assert.equal(refused.status, 404);
    assert.equal(changes.length, 0);
    const moved = await control('/companies/7001/deals/move', { deal_ids: [1, 4], stage_id: 3 });
    assert.equal(moved.status, 200);
    const { data } = (await moved.json()) as { data: { id: number; stage_id: number }[] };
    assert.deepEqual(
      data.map((deal) => [deal.id, deal.stage_id]),
      [
        [1, 3],
        [4, 3],
      ],
    );
    assert.deepEqual(
      changes.map((change) => [change.entityId, change.action]),
      [
        [1, 'change'],
        [4, 'change'],
      ],
    );
  });

  it('announces a win with previous.status', async () => {
    await control('/companies/7001/deals/2/won');
    const change = changes.at(-1)!;
    assert.equal(change.previous!['status'], 'open');
    assert.equal(change.data!['status'], 'won');
  });

  it('announces API writes with change_source api: note create (previous null) and deal delete (data null)', async () => {
    await api(tokens, 'POST', '/api/v1/notes', { content: 'Synced', deal_id: 1 });
    const note = changes.at(-1)!;
    assert.deepEqual(
      [note.entity, note.action, note.changeSource, note.previous],
      ['note', 'create', 'api', null],
    );
    assert.equal(note.data!['content'], 'Synced');
    await api(tokens, 'DELETE', '/api/v2/deals/10');
    const deleted = changes.at(-1)!;
    assert.deepEqual([deleted.entity, deleted.action, deleted.data], ['deal', 'delete', null]);
    assert.equal(deleted.previous!['title'], 'Rimu Logistics – scoping (no products)');
  });

  it('announces the deal value change when a product is added through the API', async () => {
    await api(tokens, 'POST', '/api/v2/deals/10/products', {
      product_id: 1,
      item_price: 180,
      quantity: 2,
      tax: 15,
    });
    const change = changes.at(-1)!;
    assert.deepEqual(
      [change.entity, change.action, change.previous!['value'], change.data!['value']],
      ['deal', 'change', 5000, 414],
    );
  });

  it('renders an organization custom address field as a webhook {type: "address", …} object', async () => {
    await fetch(`${pd.url}/__sandbox/pipedrive/companies/7001/organizations/1`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Kauri Digital Limited' }),
    });
    const change = changes.at(-1)!;
    assert.deepEqual(Object.keys(change.previous!).sort(), ['name', 'update_time']);
    const custom = Object.values(
      change.data!['custom_fields'] as Record<string, Record<string, unknown> | null>,
    );
    const address = custom.find((value) => value?.['type'] === 'address');
    assert.equal(address?.['postal_code'], '1140');
  });
});
