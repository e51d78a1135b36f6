import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  customFieldKey,
  type FieldDefinition,
  renderCustomV1,
  renderCustomV2,
  renderCustomWebhook,
} from '../../sandbox/pipedrive/store/fields.js';

const def = (name: string, field_type: FieldDefinition['field_type']): FieldDefinition => ({
  id: 1,
  key: customFieldKey(7001, 'deal', name),
  name,
  field_type,
  options: null,
  is_custom: true,
  order_nr: 0,
});

describe('custom field renderings (docs/vendors/pipedrive.md §3.2, §5.3)', () => {
  const text = def('PO', 'varchar');
  const money = def('Budget', 'monetary');
  const kind = def('Kind', 'enum');
  const tags = def('Tags', 'set');
  const address = def('Billing', 'address');
  const defs = [text, money, kind, tags, address];
  const values = {
    [text.key]: 'PO-1',
    [money.key]: { value: 500, currency: 'NZD' },
    [kind.key]: 2,
    [tags.key]: [1, 3],
    [address.key]: { value: '1 Queen St, Auckland', locality: 'Auckland', country: 'New Zealand' },
  };

  it('keys are 40 hex characters and differ per company', () => {
    assert.match(text.key, /^[0-9a-f]{40}$/);
    assert.notEqual(customFieldKey(7002, 'deal', 'PO'), text.key);
  });

  it('renders v2 objects as stored, with unset fields null', () => {
    assert.deepEqual(renderCustomV2(defs, { [text.key]: 'PO-1' }), {
      [text.key]: 'PO-1',
      [money.key]: null,
      [kind.key]: null,
      [tags.key]: null,
      [address.key]: null,
    });
  });

  it('renders webhook {type, …} objects', () => {
    const out = renderCustomWebhook(defs, values);
    assert.deepEqual(out[text.key], { type: 'varchar', value: 'PO-1' });
    assert.deepEqual(out[money.key], { type: 'monetary', value: 500, currency: 'NZD' });
    assert.deepEqual(out[kind.key], { type: 'enum', id: 2 });
    assert.deepEqual(out[tags.key], { type: 'set', values: [{ id: 1 }, { id: 3 }] });
    assert.equal((out[address.key] as Record<string, unknown>)['type'], 'address');
  });

  it('renders v1 flat keys with _currency and address suffixes', () => {
    const out = renderCustomV1(defs, values);
    assert.equal(out[money.key], 500);
    assert.equal(out[`${money.key}_currency`], 'NZD');
    assert.equal(out[kind.key], '2');
    assert.equal(out[tags.key], '1,3');
    assert.equal(out[address.key], '1 Queen St, Auckland');
    assert.equal(out[`${address.key}_locality`], 'Auckland');
    assert.equal(out[`${address.key}_postal_code`], null);
  });
});
