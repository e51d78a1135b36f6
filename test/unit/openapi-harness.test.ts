import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  loadSpec,
  type SpecDeviation,
  type SpecName,
  specsAvailable,
  validateRequestBody,
  validateResponse,
  validateSchema,
} from '../support/openapi.js';

// The harness is checked against the vendors' own documented examples: they must pass, and the
// same example with one field of the wrong type must fail at exactly that field.

const skip = specsAvailable();

type Json = Record<string, unknown>;

/** The documented example of a response (or, with status 'request', of a request body). */
function documentedExample(spec: SpecName, template: string, method: string, status: string) {
  const operation = (loadSpec(spec).raw['paths'] as Json)[template] as Json;
  const op = operation[method] as Json;
  const holder =
    status === 'request'
      ? (op['requestBody'] as Json)
      : ((op['responses'] as Json)[status] as Json);
  const media = (holder['content'] as Json)['application/json'] as Json;
  const example =
    media['example'] ??
    Object.values(media['examples'] as Json).map((e) => (e as Json)['value'])[0];
  // Xero's identity spec stores its example as a JSON string.
  return structuredClone(typeof example === 'string' ? JSON.parse(example) : example) as Json;
}

/** Sets a nested field, e.g. set(body, ['Invoices', 0, 'Total'], '12.50'). */
function set(body: unknown, path: (string | number)[], value: unknown): unknown {
  const parent = path.slice(0, -1).reduce<any>((node, key) => node[key], body);
  parent[path.at(-1)!] = value;
  return body;
}

// [spec, template, method, status, concrete path, field to break, wrong-typed value, error path]
const examples: [SpecName, string, string, string, string, (string | number)[], unknown, string][] =
  [
    [
      'xero-accounting',
      '/Accounts',
      'get',
      '200',
      '/api.xro/2.0/Accounts',
      ['Accounts', 0, 'Code'],
      200,
      '/Accounts/0/Code',
    ],
    [
      'xero-accounting',
      '/Invoices/{InvoiceID}',
      'get',
      '200',
      '/api.xro/2.0/Invoices/5f3a4a42-8b1e-4f45-b1a3-3c1b1a1c7e1a',
      ['Invoices', 0, 'Total'],
      '12.50',
      '/Invoices/0/Total',
    ],
    [
      'xero-accounting',
      '/Invoices',
      'put',
      '200',
      '/api.xro/2.0/Invoices?summarizeErrors=false',
      ['Invoices', 0, 'LineItems'],
      {},
      '/Invoices/0/LineItems',
    ],
    [
      'xero-accounting',
      '/Contacts',
      'put',
      '400',
      '/api.xro/2.0/Contacts',
      ['ErrorNumber'],
      '10',
      '/ErrorNumber',
    ],
    [
      'xero-accounting',
      '/Items',
      'put',
      '200',
      '/api.xro/2.0/Items',
      ['Items', 0, 'IsSold'],
      'true',
      '/Items/0/IsSold',
    ],
    [
      'xero-accounting',
      '/Quotes',
      'put',
      '200',
      '/api.xro/2.0/Quotes',
      ['Quotes', 0, 'Status'],
      'PENDING',
      '/Quotes/0/Status',
    ],
    [
      'pipedrive-v2',
      '/deals/{id}',
      'get',
      '200',
      '/api/v2/deals/1',
      ['data', 'id'],
      '1',
      '/data/id',
    ],
    [
      'pipedrive-v2',
      '/deals/{id}/products',
      'get',
      '200',
      '/api/v2/deals/1/products',
      ['data', 0, 'quantity'],
      '1',
      '/data/0/quantity',
    ],
    [
      'pipedrive-v2',
      '/organizations/{id}',
      'get',
      '200',
      '/api/v2/organizations/1',
      ['data', 'name'],
      7,
      '/data/name',
    ],
    [
      'pipedrive-v2',
      '/persons/{id}',
      'get',
      '200',
      '/api/v2/persons/1',
      ['data', 'emails'],
      'a@b.c',
      '/data/emails',
    ],
    [
      'pipedrive-v1',
      '/notes',
      'post',
      '200',
      '/api/v1/notes',
      ['data', 'pinned_to_deal_flag'],
      'yes',
      '/data/pinned_to_deal_flag',
    ],
    [
      'pipedrive-v1',
      '/users/me',
      'get',
      '200',
      '/api/v1/users/me',
      ['data', 'company_id'],
      'x',
      '/data/company_id',
    ],
    [
      'pipedrive-v1',
      '/currencies',
      'get',
      '200',
      '/api/v1/currencies',
      ['data', 0, 'decimal_points'],
      '2',
      '/data/0/decimal_points',
    ],
  ];

describe('OpenAPI harness', { skip }, () => {
  for (const [spec, template, method, status, path, field, wrong, errorAt] of examples) {
    const name = `${spec} ${method.toUpperCase()} ${template} ${status}`;
    it(`accepts the documented example of ${name}`, () => {
      const body = documentedExample(spec, template, method, status);
      const result = validateResponse(spec, method, path, Number(status), body);
      assert.deepEqual(result.errors, []);
      assert.equal(result.ok, true);
    });

    it(`rejects that example with ${errorAt} of the wrong type`, () => {
      const body = set(documentedExample(spec, template, method, status), field, wrong);
      const result = validateResponse(spec, method, path, Number(status), body);
      assert.equal(result.ok, false);
      assert.ok(
        result.errors.some((e) => e.includes(`: ${errorAt} `)),
        `expected an error at ${errorAt}, got ${result.errors.join('\n')}`,
      );
    });
  }

  it('treats `nullable: true` as "or null" and nothing else', () => {
    const body = documentedExample('pipedrive-v2', '/deals/{id}', 'get', '200');
    set(body, ['data', 'probability'], null);
    assert.equal(validateResponse('pipedrive-v2', 'GET', '/api/v2/deals/1', 200, body).ok, true);
    set(body, ['data', 'probability'], '50');
    assert.equal(validateResponse('pipedrive-v2', 'GET', '/api/v2/deals/1', 200, body).ok, false);
  });

  it('prefers a literal path segment over a parameter', () => {
    const deal = validateResponse('pipedrive-v2', 'GET', '/api/v2/deals/7', 200, {});
    const batch = validateResponse(
      'pipedrive-v2',
      'GET',
      '/api/v2/deals/products?deal_ids=1',
      200,
      {},
    );
    const search = validateResponse(
      'pipedrive-v2',
      'GET',
      '/api/v2/products/search?term=ab',
      200,
      {},
    );
    assert.deepEqual(
      [deal.operationId, batch.operationId, search.operationId],
      ['getDeal', 'getDealsProducts', 'searchProducts'],
    );
  });

  it('strips each base path the vendor serves (Xero /api.xro/2.0, Pipedrive /api/v1 and /v1, OAuth host)', () => {
    const ids = [
      validateResponse('xero-accounting', 'GET', '/api.xro/2.0/Organisation', 200, undefined),
      validateResponse('xero-identity', 'GET', '/connections', 200, []),
      validateResponse('pipedrive-v1', 'GET', '/api/v1/users/me', 200, {}),
      validateResponse('pipedrive-v1', 'GET', '/v1/users/me', 200, {}),
      validateResponse('pipedrive-v1', 'POST', '/oauth/token', 200, {}),
    ].map((result) => result.operationId);
    assert.deepEqual(ids, [
      'getOrganisations',
      'getConnections',
      'getCurrentUser',
      'getCurrentUser',
      'get-tokens',
    ]);
  });

  it('fails clearly for an unknown path, an unknown method and an undocumented status', () => {
    const path = validateResponse('pipedrive-v2', 'GET', '/api/v2/nothing/here', 200, {});
    assert.deepEqual(path, {
      ok: false,
      errors: ['pipedrive-v2: no path template matches /api/v2/nothing/here'],
      waived: [],
    });
    const method = validateResponse('xero-accounting', 'DELETE', '/api.xro/2.0/Invoices', 200, {});
    assert.equal(method.ok, false);
    assert.match(
      method.errors[0] ?? '',
      /no DELETE operation for \/api\.xro\/2\.0\/Invoices \(spec has: GET \/Invoices, PUT/,
    );
    const status = validateResponse('pipedrive-v2', 'GET', '/api/v2/deals/1', 418, {});
    assert.equal(status.ok, false);
    assert.match(
      status.errors[0] ?? '',
      /getDeal \(GET \/deals\/\{id\}\) documents no 418 response/,
    );
  });

  it('fails a body where the spec declares none', () => {
    // Xero documents DELETE /Connections/{id} → 204 without content (docs/vendors/xero.md §17).
    const path = '/connections/7cb59f93-2964-421d-bb5e-a0f7a4572a44';
    assert.equal(validateResponse('xero-identity', 'DELETE', path, 204, undefined).ok, true);
    assert.equal(validateResponse('xero-identity', 'DELETE', path, 204, { ok: true }).ok, false);
  });

  it('waives only the errors a listed deviation names, and keeps them visible', () => {
    const body = documentedExample('xero-identity', '/Connections', 'get', '200');
    const strict = validateResponse('xero-identity', 'GET', '/connections', 200, body);
    // The documented example itself has timestamps without an offset, which `format: date-time` forbids.
    assert.equal(strict.ok, false);
    assert.equal(strict.errors.length, 2);
    const deviations: SpecDeviation[] = [
      {
        spec: 'xero-identity',
        operationId: 'getConnections',
        at: '/*/createdDateUtc',
        keyword: 'format',
        why: 'docs/vendors/xero.md §1.4: connection timestamps are ISO strings without Z',
      },
    ];
    const waived = validateResponse('xero-identity', 'GET', '/connections', 200, body, deviations);
    assert.equal(waived.ok, false, 'updatedDateUtc is not covered by the deviation');
    assert.equal(waived.errors.length, 1);
    assert.match(waived.errors[0] ?? '', /\/0\/updatedDateUtc/);
    assert.equal(waived.waived.length, 1);
    assert.match(
      waived.waived[0] ?? '',
      /\/0\/createdDateUtc .*waived: docs\/vendors\/xero\.md §1\.4/,
    );
  });

  it('validates request bodies, including OpenAPI 3.1 webhooks addressed by name', () => {
    const invoices = documentedExample('xero-accounting', '/Invoices', 'put', 'request');
    assert.equal(
      validateRequestBody('xero-accounting', 'PUT', '/api.xro/2.0/Invoices', invoices).ok,
      true,
    );
    set(invoices, ['Invoices', 0, 'LineItems', 0, 'Quantity'], 'one');
    const broken = validateRequestBody('xero-accounting', 'PUT', '/api.xro/2.0/Invoices', invoices);
    assert.equal(broken.ok, false);
    assert.match(broken.errors.join('\n'), /\/Invoices\/0\/LineItems\/0\/Quantity must be number/);

    const event = {
      events: [
        {
          resourceUrl:
            'https://api.xero.com/api.xro/2.0/Invoices/55d84274-a3da-4829-a7c0-0cab601b95cc',
          resourceId: '55d84274-a3da-4829-a7c0-0cab601b95cc',
          tenantId: 'aef86862-2015-4b6b-88bc-d89032cecc50',
          tenantType: 'ORGANISATION',
          eventCategory: 'INVOICE',
          eventType: 'CREATE',
          eventDateUtc: '2025-12-02T00:44:09.923Z',
        },
      ],
      firstEventSequence: 1,
      lastEventSequence: 1,
      entropy: 'FXNGWLCCGVANWHKILRUB',
    };
    assert.equal(validateRequestBody('xero-webhooks', 'POST', 'invoices', event).ok, true);
    set(event, ['events', 0, 'eventType'], 'DELETE');
    const result = validateRequestBody('xero-webhooks', 'POST', '/invoices', event);
    assert.equal(result.operationId, 'publishInvoiceEvent');
    assert.equal(result.ok, false);
  });

  it('validates a named component schema (Xero documents its token response only as AccessToken)', () => {
    const tokens = {
      access_token: 'a',
      expires_in: 1800,
      token_type: 'Bearer',
      refresh_token: 'r',
    };
    assert.equal(validateSchema('xero-identity', 'AccessToken', tokens).ok, true);
    const broken = validateSchema('xero-identity', 'AccessToken', {
      ...tokens,
      expires_in: '1800',
    });
    assert.equal(broken.ok, false);
    assert.match(broken.errors[0] ?? '', /\/expires_in must be integer/);
    assert.deepEqual(validateSchema('xero-identity', 'Nope', {}).errors, [
      'xero-identity: no schema #/components/schemas/Nope',
    ]);
  });
});
