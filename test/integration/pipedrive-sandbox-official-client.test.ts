import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { v1, v2 } from 'pipedrive';

import {
  installDemoApp,
  type StartedPipedrive,
  startPipedriveSandbox,
  type TokenSet,
} from '../../sandbox/pipedrive/test-kit.js';

// The official client (pipedrive on npm) against the sandbox, for the calls the app makes. The
// client takes basePath + accessToken; api_domain from the token response is the base (§1.5).
let pd: StartedPipedrive;
let tokens: TokenSet;
let v2Config: v2.Configuration;
let v1Config: v1.Configuration;

before(async () => {
  pd = await startPipedriveSandbox();
  tokens = await installDemoApp(pd.url);
  v2Config = new v2.Configuration({
    accessToken: tokens.access_token,
    basePath: `${tokens.api_domain}/api/v2`,
  });
  v1Config = new v1.Configuration({
    accessToken: tokens.access_token,
    basePath: `${tokens.api_domain}/api/v1`,
  });
});
after(async () => pd.running.close());

describe('official pipedrive client against the sandbox', () => {
  it('gets a deal (v2)', async () => {
    const response = await new v2.DealsApi(v2Config).getDeal({ id: 1 });
    assert.equal(response.success, true);
    assert.equal(response.data?.title, 'Kauri Digital – implementation');
    assert.equal(response.data?.value, 6727.5);
    assert.equal(response.data?.org_id, 1);
  });

  it('lists deal products and deal discounts (v2)', async () => {
    const products = await new v2.DealProductsApi(v2Config).getDealProducts({ id: 4 });
    assert.deepEqual(
      products.data?.map((line) => [line.name, line.quantity, line.item_price]),
      [
        ['Implementation package', 1, 4500],
        ['Training day', 2, 1450],
        ['Pro licence', 5, 149],
      ],
    );
    assert.equal(products.additional_data?.next_cursor, null);
    const discounts = await new v2.DealsApi(v2Config).getAdditionalDiscounts({ id: 4 });
    assert.deepEqual(
      discounts.data?.map((discount) => [discount.type, discount.amount]),
      [
        ['percentage', 10],
        ['amount', 200],
      ],
    );
  });

  it('gets an organization, a person and a product (v2)', async () => {
    const org = await new v2.OrganizationsApi(v2Config).getOrganization({ id: 3 });
    assert.equal(org.data?.name, 'Tui Analytics');
    assert.equal(org.data?.address?.locality, 'Wellington');
    const person = await new v2.PersonsApi(v2Config).getPerson({ id: 1 });
    assert.equal(person.data?.emails?.[0]?.value, 'accounts@kauridigital.example');
    const product = await new v2.ProductsApi(v2Config).getProduct({ id: 6 });
    assert.equal(product.data?.code, 'HW-ROUTER');
    assert.deepEqual(
      product.data?.prices?.map((price) => [price.currency, price.price]),
      [
        ['NZD', 349.99],
        ['USD', 215.5],
        ['EUR', 199.95],
      ],
    );
  });

  it('lists pipelines and stages (v2)', async () => {
    const pipelines = await new v2.PipelinesApi(v2Config).getPipelines();
    assert.deepEqual(
      pipelines.data?.map((pipeline) => pipeline.name),
      ['Sales', 'Renewals'],
    );
    const stages = await new v2.StagesApi(v2Config).getStages({ pipeline_id: 2 });
    assert.deepEqual(
      stages.data?.map((stage) => stage.name),
      ['Due', 'Quote sent', 'Renewed'],
    );
  });

  it('lists deal fields (v2 and v1)', async () => {
    const fields = await new v2.DealFieldsApi(v2Config).getDealFields();
    assert.ok(
      fields.data?.some(
        (field) =>
          field.field_name === 'Purchase order number' && /^[0-9a-f]{40}$/.test(field.field_code),
      ),
    );
    const v1Fields = await new v1.DealFieldsApi(v1Config).getDealFields();
    assert.ok(
      v1Fields.data?.some((field) => field.name === 'Document type' && field.field_type === 'enum'),
    );
  });

  it('adds a note and reads users/me (v1)', async () => {
    const note = await new v1.NotesApi(v1Config).addNote({
      AddNoteRequest: { content: 'Draft invoice created', deal_id: 1 },
    });
    assert.equal(note.success, true);
    assert.equal(note.data?.deal_id, 1);
    assert.equal(note.data?.content, 'Draft invoice created');
    const me = await new v1.UsersApi(v1Config).getCurrentUser();
    assert.equal(me.data?.company_id, 7001);
    assert.equal(me.data?.company_domain, 'kauricoast');
  });
});
