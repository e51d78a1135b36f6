import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import {
  api,
  installDemoApp,
  type StartedPipedrive,
  startPipedriveSandbox,
  type TokenSet,
} from '../../sandbox/pipedrive/test-kit.js';
import { resetSandbox } from '../support/sandbox-reset.js';

let pd: StartedPipedrive;
let tokens: TokenSet;
const control = (method: string, path: string, body?: unknown) =>
  fetch(`${pd.url}/__sandbox/pipedrive${path}`, {
    method,
    ...(body !== undefined && {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  }).then(async (response) => ({ status: response.status, body: (await response.json()) as any }));

before(async () => {
  pd = await startPipedriveSandbox({ limits: { burstPerToken: 10_000 } });
});
after(async () => pd.running.close());
beforeEach(async () => {
  await resetSandbox(pd.url);
  tokens = await installDemoApp(pd.url);
});

const errorInfo = 'Please check developers.pipedrive.com for more information about Pipedrive API.';

describe('Pipedrive sandbox API: envelopes and paging', () => {
  it('pages v2 lists with an opaque base64url cursor, default limit 100, null on the last page', async () => {
    for (let i = 0; i < 140; i += 1) {
      const created = await control('POST', '/companies/7001/organizations', {
        name: `Bulk org ${String(i).padStart(3, '0')}`,
      });
      assert.equal(created.status, 201);
    }
    const first = await api(tokens, 'GET', '/api/v2/organizations');
    assert.equal(first.body.success, true);
    assert.equal(first.body.data.length, 100);
    const cursor = first.body.additional_data.next_cursor as string;
    assert.match(cursor, /^[A-Za-z0-9_-]+$/);
    const second = await api(tokens, 'GET', `/api/v2/organizations?cursor=${cursor}`);
    assert.equal(second.body.data.length, 52);
    assert.equal(second.body.additional_data.next_cursor, null);
    const ids = [...first.body.data, ...second.body.data].map((org: { id: number }) => org.id);
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => a - b),
    );
    assert.equal(new Set(ids).size, 152);

    const desc = await api(
      tokens,
      'GET',
      '/api/v2/organizations?sort_by=name&sort_direction=desc&limit=500',
    );
    assert.equal(desc.body.data[0].name, 'Wētā Workshop Supplies');
    assert.equal(desc.body.additional_data.next_cursor, null);
  });

  it('pages v1 lists with start/limit and pagination in additional_data', async () => {
    const page = await api(tokens, 'GET', '/api/v1/dealFields?start=0&limit=5');
    assert.equal(page.body.data.length, 5);
    assert.deepEqual(page.body.additional_data.pagination, {
      start: 0,
      limit: 5,
      more_items_in_collection: true,
      next_start: 5,
    });
    const rest = await api(tokens, 'GET', '/api/v1/dealFields?start=5&limit=100');
    assert.equal(rest.body.additional_data.pagination.more_items_in_collection, false);
    assert.equal('next_start' in rest.body.additional_data.pagination, false);
  });

  it('answers single GETs with {success, data} and unknown ids with the 404 error envelope', async () => {
    const deal = await api(tokens, 'GET', '/api/v2/deals/1');
    assert.deepEqual(Object.keys(deal.body), ['success', 'data']);
    const missing = await api(tokens, 'GET', '/api/v2/deals/99999');
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.body, {
      success: false,
      error: 'Deal not found',
      error_info: errorInfo,
      data: null,
      additional_data: null,
    });
  });

  it('answers the retired v1 endpoints with a 404 error envelope', async () => {
    for (const path of [
      '/api/v1/deals',
      '/api/v1/deals/1',
      '/v1/deals/1',
      '/api/v1/deals/1/products',
      '/api/v1/products',
      '/api/v1/organizations/1',
      '/api/v1/persons',
      '/api/v1/stages',
      '/api/v1/pipelines',
    ]) {
      const response = await api(tokens, 'GET', path);
      assert.equal(response.status, 404, path);
      assert.equal(response.body.success, false, path);
      assert.equal(response.body.error_info, errorInfo, path);
    }
  });

  it('is strict in v2: string numbers and 0/1 booleans are 400', async () => {
    const stringNumber = await api(tokens, 'PATCH', '/api/v2/deals/1', { value: '100' });
    assert.equal(stringNumber.status, 400);
    assert.equal(stringNumber.body.success, false);
    const numericBoolean = await api(tokens, 'POST', '/api/v2/deals/1/products', {
      product_id: 1,
      item_price: 10,
      quantity: 1,
      is_enabled: 1,
    });
    assert.equal(numericBoolean.status, 400);
    const queryNumber = await api(tokens, 'GET', '/api/v2/deals?stage_id=two');
    assert.equal(queryNumber.status, 400);
    const queryBoolean = await api(
      tokens,
      'GET',
      '/api/v2/products/search?term=cons&exact_match=1',
    );
    assert.equal(queryBoolean.status, 400);
    assert.equal(
      (await api(tokens, 'GET', '/api/v2/deals/1')).body.data.value,
      6727.5,
      'nothing changed',
    );
  });

  it('filters v2 deals by stage, pipeline, status and updated_since, and leaves archived deals out', async () => {
    const byStage = await api(tokens, 'GET', '/api/v2/deals?stage_id=2');
    assert.ok(byStage.body.data.length > 0);
    assert.ok(byStage.body.data.every((deal: { stage_id: number }) => deal.stage_id === 2));
    const renewals = await api(tokens, 'GET', '/api/v2/deals?pipeline_id=2');
    assert.deepEqual(
      renewals.body.data.map((deal: { id: number }) => deal.id),
      [11, 13],
    );
    const won = await api(tokens, 'GET', '/api/v2/deals?status=won');
    assert.deepEqual(
      won.body.data.map((deal: { id: number }) => deal.id),
      [12],
    );
    pd.sandbox.clock.advance(60_000);
    const since = new Date(pd.sandbox.clock.now()).toISOString();
    await control('PATCH', '/companies/7001/deals/3', { title: 'Tui Analytics – renamed' });
    const updated = await api(tokens, 'GET', `/api/v2/deals?updated_since=${since}`);
    assert.deepEqual(
      updated.body.data.map((deal: { id: number }) => deal.id),
      [3],
    );
    await control('POST', '/companies/7001/deals/3/archive');
    const all = await api(tokens, 'GET', '/api/v2/deals?limit=500');
    assert.equal(
      all.body.data.some((deal: { id: number }) => deal.id === 3),
      false,
    );
  });

  it('creates, patches and soft-deletes a deal', async () => {
    const created = await api(tokens, 'POST', '/api/v2/deals', {
      title: 'API deal',
      value: 250,
      currency: 'NZD',
      org_id: 1,
      stage_id: 3,
    });
    assert.equal(created.status, 200);
    assert.equal(created.body.data.pipeline_id, 1);
    assert.equal(created.body.data.value, 250);
    const patched = await api(tokens, 'PATCH', `/api/v2/deals/${created.body.data.id}`, {
      status: 'won',
    });
    assert.equal(patched.body.data.status, 'won');
    assert.match(patched.body.data.won_time, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const deleted = await api(tokens, 'DELETE', `/api/v2/deals/${created.body.data.id}`);
    assert.deepEqual(deleted.body, { success: true, data: { id: created.body.data.id } });
    assert.equal((await api(tokens, 'GET', `/api/v2/deals/${created.body.data.id}`)).status, 404);
    const deletedList = await api(tokens, 'GET', '/api/v2/deals?status=deleted');
    assert.deepEqual(
      deletedList.body.data.map((deal: { id: number }) => deal.id),
      [created.body.data.id],
    );
  });
});

describe('Pipedrive sandbox API: deal products, discounts and value', () => {
  it('computes the value of a deal with deal-level discounts and a disabled line', async () => {
    const deal = await api(tokens, 'POST', '/api/v2/deals', {
      title: 'Money check',
      currency: 'NZD',
    });
    const id = deal.body.data.id as number;
    const added = await api(tokens, 'POST', `/api/v2/deals/${id}/products`, {
      product_id: 2,
      item_price: 4500,
      quantity: 1,
      tax: 15,
      tax_method: 'exclusive',
    });
    assert.equal(added.status, 201);
    await api(tokens, 'POST', `/api/v2/deals/${id}/products`, {
      product_id: 5,
      item_price: 1450,
      quantity: 2,
      tax: 15,
    });
    await api(tokens, 'POST', `/api/v2/deals/${id}/products`, {
      product_id: 6,
      item_price: 349.99,
      quantity: 1,
      tax: 15,
      is_enabled: false,
    });
    await api(tokens, 'POST', `/api/v2/deals/${id}/products`, {
      product_id: 4,
      item_price: 149,
      quantity: 5,
      tax: 15,
      billing_frequency: 'monthly',
      billing_frequency_cycles: 12,
    });
    const percentage = await api(tokens, 'POST', `/api/v2/deals/${id}/discounts`, {
      description: 'Partner',
      amount: 10,
      type: 'percentage',
    });
    assert.equal(percentage.status, 201);
    assert.match(percentage.body.data.id, /^[0-9a-f-]{36}$/);
    await api(tokens, 'POST', `/api/v2/deals/${id}/discounts`, {
      description: 'Credit',
      amount: 200,
      type: 'amount',
    });
    // (4500 × 0.9 + 2900 × 0.9 − 200 + 745) × 1.15; the disabled router does not count.
    assert.equal((await api(tokens, 'GET', `/api/v2/deals/${id}`)).body.data.value, 8285.75);
    const discounts = await api(tokens, 'GET', `/api/v2/deals/${id}/discounts`);
    assert.deepEqual(
      discounts.body.data.map((d: { type: string; amount: number }) => [d.type, d.amount]),
      [
        ['percentage', 10],
        ['amount', 200],
      ],
    );
    const batch = await api(tokens, 'GET', `/api/v2/deals/products?deal_ids=${id},1`);
    assert.deepEqual(
      [...new Set(batch.body.data.map((line: { deal_id: number }) => line.deal_id))].sort(),
      [1, id].sort(),
    );
  });

  it('keeps one tax_method per deal: changing one line changes them all, and the value follows', async () => {
    const before = await api(tokens, 'GET', '/api/v2/deals/1/products');
    assert.deepEqual(
      before.body.data.map((line: { tax_method: string }) => line.tax_method),
      ['exclusive', 'exclusive'],
    );
    const first = before.body.data[0];
    const patched = await api(tokens, 'PATCH', `/api/v2/deals/1/products/${first.id}`, {
      tax_method: 'inclusive',
    });
    assert.equal(patched.status, 200);
    const after = await api(tokens, 'GET', '/api/v2/deals/1/products');
    assert.deepEqual(
      after.body.data.map((line: { tax_method: string }) => line.tax_method),
      ['inclusive', 'inclusive'],
    );
    assert.equal((await api(tokens, 'GET', '/api/v2/deals/1')).body.data.value, 5850);
    assert.equal(after.body.data[0].sum, 4050, 'line sum: 4500 less 10 %');
  });
});

describe('Pipedrive sandbox API: custom fields, fields, notes, v1 identity', () => {
  it('renders custom fields in v2 under custom_fields with the company keys', async () => {
    const fields = await api(tokens, 'GET', '/api/v2/organizationFields');
    const billing = fields.body.data.find(
      (field: { field_name: string }) => field.field_name === 'Billing address',
    );
    const account = fields.body.data.find(
      (field: { field_name: string }) => field.field_name === 'Xero account number',
    );
    assert.match(billing.field_code, /^[0-9a-f]{40}$/);
    assert.equal(billing.is_custom_field, true);
    assert.deepEqual(
      billing.subfields.map((sub: { field_code: string }) => sub.field_code.slice(41)),
      [
        'subpremise',
        'street_number',
        'route',
        'sublocality',
        'locality',
        'admin_area_level_1',
        'admin_area_level_2',
        'country',
        'postal_code',
        'formatted_address',
      ],
    );
    const org = await api(tokens, 'GET', '/api/v2/organizations/1');
    assert.equal(org.body.data.custom_fields[account.field_code], 'KD-0001');
    assert.equal(org.body.data.custom_fields[billing.field_code].postal_code, '1140');
    assert.equal(org.body.data.address.country, 'New Zealand');
    assert.equal(
      (await api(tokens, 'GET', '/api/v2/organizations/2')).body.data.custom_fields[
        account.field_code
      ],
      null,
    );
    const other = await installDemoApp(pd.url, { company_id: '7002' });
    const otherFields = await api(other, 'GET', '/api/v2/organizationFields');
    const otherBilling = otherFields.body.data.find(
      (field: { field_name: string }) => field.field_name === 'Billing address',
    );
    assert.notEqual(otherBilling.field_code, billing.field_code, 'keys differ per company');
  });

  it('lists v1 field definitions with key, id, field_type, options and address subfields as extra items', async () => {
    const fields = await api(tokens, 'GET', '/api/v1/organizationFields');
    const billing = fields.body.data.find(
      (field: { name: string }) => field.name === 'Billing address',
    );
    assert.equal(typeof billing.id, 'number');
    assert.equal(billing.field_type, 'address');
    const subfields = fields.body.data.filter(
      (field: { parent_id?: number }) => field.parent_id === billing.id,
    );
    assert.equal(subfields.length, 10);
    assert.ok(
      subfields.every(
        (sub: { is_subfield: boolean; key: string; id_suffix: string }) =>
          sub.is_subfield && sub.key === `${billing.key}_${sub.id_suffix}`,
      ),
    );
    const dealFields = await api(tokens, 'GET', '/api/v1/dealFields');
    const documentType = dealFields.body.data.find(
      (field: { name: string }) => field.name === 'Document type',
    );
    assert.deepEqual(documentType.options, [
      { id: 1, label: 'Invoice' },
      { id: 2, label: 'Quote' },
    ]);
  });

  it('adds a note with POST /api/v1/notes → 200 and the v1 note object, readable back', async () => {
    const created = await api(tokens, 'POST', '/api/v1/notes', {
      content: '<b>Invoice INV-0001 drafted</b>',
      deal_id: 1,
      pinned_to_deal_flag: 1,
    });
    assert.equal(created.status, 200);
    assert.equal(created.body.data.deal_id, 1);
    assert.equal(created.body.data.pinned_to_deal_flag, true);
    assert.match(created.body.data.add_time, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    assert.deepEqual(created.body.data.deal, { title: 'Kauri Digital – implementation' });
    const listed = await api(tokens, 'GET', '/api/v1/notes?deal_id=1');
    assert.deepEqual(
      listed.body.data.map((note: { id: number }) => note.id),
      [created.body.data.id],
    );
    const readBack = await control('GET', '/companies/7001/deals/1/notes');
    assert.equal(readBack.body.data[0].content, '<b>Invoice INV-0001 drafted</b>');
    assert.equal((await api(tokens, 'POST', '/api/v1/notes', { deal_id: 1 })).status, 400);
    assert.equal((await api(tokens, 'POST', '/api/v1/notes', { content: 'orphan' })).status, 400);
  });

  it('tells admins from other users, in users/me and users/{id} (is_admin and the global access)', async () => {
    const me = await api(tokens, 'GET', '/api/v1/users/me');
    assert.equal(me.body.data.is_admin, 1);
    assert.ok(
      me.body.data.access.some((entry: any) => entry.app === 'global' && entry.admin === true),
    );
    const other = await api(tokens, 'GET', '/api/v1/users/1002');
    assert.equal(other.status, 200);
    assert.equal(other.body.data.name, 'Rangi Sales');
    assert.equal(other.body.data.is_admin, 0);
    assert.equal(other.body.data.is_you, false);
    assert.ok(other.body.data.access.every((entry: any) => entry.admin === false));
    assert.equal(
      (await api(tokens, 'GET', '/api/v1/users/2001')).status,
      404,
      "another company's user",
    );
  });

  it('serves users/me and currencies with a custom currency', async () => {
    const me = await api(tokens, 'GET', '/api/v1/users/me');
    assert.deepEqual(
      [me.body.data.id, me.body.data.company_id, me.body.data.company_domain, me.body.data.name],
      [1001, 7001, 'kauricoast', 'Sam Admin'],
    );
    const currencies = await api(tokens, 'GET', '/api/v1/currencies');
    assert.ok(
      currencies.body.data.some(
        (currency: { code: string; is_custom_flag: boolean }) =>
          currency.is_custom_flag && currency.code === 'KCP',
      ),
    );
    assert.ok(
      currencies.body.data.some(
        (currency: { code: string; decimal_points: number }) =>
          currency.code === 'NZD' && currency.decimal_points === 2,
      ),
    );
  });

  it('refuses calls outside the granted scopes with 403', async () => {
    const register = await control('POST', '/apps', {
      clientId: 'narrow',
      clientSecret: 's',
      name: 'Narrow',
      callbackUrl: 'http://localhost:9/cb',
      scopes: ['base'],
    });
    assert.equal(register.status, 201);
    const query = new URLSearchParams({
      client_id: 'narrow',
      redirect_uri: 'http://localhost:9/cb',
      auto_approve: '1',
    });
    const location = (
      await fetch(`${pd.url}/oauth/authorize?${query}`, { redirect: 'manual' })
    ).headers.get('location')!;
    const code = new URL(location).searchParams.get('code')!;
    const exchanged = await fetch(`${pd.url}/oauth/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from('narrow:s').toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ grant_type: 'authorization_code', code }).toString(),
    });
    const narrowTokens = (await exchanged.json()) as TokenSet;
    assert.equal((await api(narrowTokens, 'GET', '/api/v1/users/me')).status, 200);
    const denied = await api(narrowTokens, 'GET', '/api/v2/deals/1');
    assert.equal(denied.status, 403);
    assert.equal(denied.body.success, false);
  });
});
