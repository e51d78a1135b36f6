import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { listenSandbox, type RunningSandbox } from '../../sandbox/common/server.js';
import { buildPipedriveSandbox } from '../../sandbox/pipedrive/server.js';
import { demoApp } from '../../sandbox/pipedrive/store/seed-demo.js';
import { authorize, tokenRequest } from '../../sandbox/pipedrive/test-kit.js';
import {
  assertValid,
  type SpecDeviation,
  type SpecName,
  specsAvailable,
  validateRequestBody,
  validateResponse,
} from '../support/openapi.js';

// Every Pipedrive route the app uses (docs/vendors/pipedrive.md §3), called on the real sandbox over
// HTTP, each response validated against Pipedrive's own OpenAPI files (v2 for deals, products,
// organizations, persons, stages, pipelines, fields; v1 for notes, users/me, currencies, OAuth).
// Request bodies are validated too, so the sandbox is only judged on spec-valid input.

const skip = specsAvailable();

/** The spec types these fields without `nullable`, but Pipedrive sends null (reference cited). */
function nullable(spec: SpecName, at: string[], why: string): SpecDeviation[] {
  return at.map((path) => ({ spec, at: path, keyword: 'type', why }));
}

// Where Pipedrive's spec is wrong about what Pipedrive sends. Each entry forgives one keyword at
// one place, and each cites the reference that documents the real behaviour.
const DEVIATIONS: SpecDeviation[] = [
  ...nullable(
    'pipedrive-v2',
    [
      'stage_change_time',
      'won_time',
      'lost_time',
      'expected_close_date',
      'org_id',
      'person_id',
    ].flatMap((field) => [`/data/${field}`, `/data/*/${field}`]),
    'docs/vendors/pipedrive.md §3.1: deal times, expected_close_date, person_id and org_id may be null',
  ),
  ...nullable(
    'pipedrive-v2',
    ['/additional_data/next_cursor'],
    'docs/vendors/pipedrive.md §2.2, §4: next_cursor is null on the last page',
  ),
  ...nullable(
    'pipedrive-v2',
    ['/data/address/*'],
    'docs/vendors/pipedrive.md §3.6: address subfields that were not given are null',
  ),
  ...nullable(
    'pipedrive-v2',
    ['/data/picture_id', '/data/*/picture_id'],
    "specs/pipedrive/openapi.yaml: Pipedrive's own person examples send picture_id: null for a person without a picture",
  ),
  ...nullable(
    'pipedrive-v1',
    [
      'lead_id',
      'org_id',
      'person_id',
      'project_id',
      'task_id',
      'organization',
      'person',
      'user/icon_url',
    ].flatMap((field) => [`/data/${field}`, `/data/*/${field}`]),
    "specs/pipedrive/openapi.yaml: Pipedrive's own note examples send null for parent ids a note does not have (project_id: null) and icon_url: null; docs/vendors/pipedrive.md §3.9: a note has one parent",
  ),
  {
    spec: 'pipedrive-v2',
    operationId: 'searchProducts',
    at: '/data/items/*/item/code',
    keyword: 'type',
    why: 'docs/vendors/pipedrive.md §3.5: the spec types search-result code as integer; it is the product code string',
  },
];

// Pipedrive documents its error envelopes on only a few operations; docs/vendors/pipedrive.md §2.3
// says they are the same on every endpoint, so errors are checked against those documented ones.
const DOCUMENTED_ERRORS: Record<400 | 401 | 404, [SpecName, string, string]> = {
  400: ['pipedrive-v1', 'POST', '/api/v1/callLogs'],
  401: ['pipedrive-v1', 'GET', '/api/v1/users/me'],
  404: ['pipedrive-v2', 'GET', '/api/v2/deals/1/convert/status/1'],
};

interface Reply {
  status: number;
  body: any;
}

describe('Pipedrive sandbox against the Pipedrive OpenAPI specs', { skip }, () => {
  let running: RunningSandbox;
  let tokens: Reply;
  let apiDomain: string;
  let deals: {
    id: number;
    org_id: number | null;
    person_id: number | null;
    stage_id: number;
    pipeline_id: number;
  }[];

  before(async () => {
    running = await listenSandbox(buildPipedriveSandbox(), 0);
    const code = await authorize(running.url, { state: 'x' });
    const token = await tokenRequest(running.url, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: demoApp.callbackUrl,
    });
    tokens = { status: token.status, body: await token.json() };
    apiDomain = tokens.body.api_domain;
    deals = (await call('GET', '/api/v2/deals?limit=100')).body.data;
  });
  after(() => running.close());

  /** A call on the company's API host; a request body must itself fit the spec. */
  async function call(method: string, path: string, body?: unknown, auth = true): Promise<Reply> {
    if (body !== undefined) assertValid(validateRequestBody(specOf(path), method, path, body));
    const response = await fetch(`${apiDomain}${path}`, {
      method,
      headers: {
        ...(auth && { authorization: `Bearer ${tokens.body.access_token}` }),
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    return { status: response.status, body: await response.json() };
  }

  function specOf(path: string): SpecName {
    return path.startsWith('/api/v2/') ? 'pipedrive-v2' : 'pipedrive-v1';
  }

  async function assertRoute(method: string, path: string, status = 200, body?: unknown) {
    const reply = await call(method, path, body);
    assert.equal(reply.status, status, `${method} ${path}: ${JSON.stringify(reply.body)}`);
    assertValid(validateResponse(specOf(path), method, path, reply.status, reply.body, DEVIATIONS));
    assert.equal(reply.body.success, true);
    return reply;
  }

  /** The documented envelope of this status, plus the fields docs/vendors/pipedrive.md §2.3 names. */
  function assertError(reply: Reply, status: 400 | 401 | 404) {
    assert.equal(reply.status, status, JSON.stringify(reply.body));
    const [spec, method, path] = DOCUMENTED_ERRORS[status];
    assertValid(validateResponse(spec, method, path, status, reply.body));
    assert.equal(reply.body.success, false);
    assert.equal(typeof reply.body.error, 'string');
    if (status === 401) assert.equal(reply.body.errorCode, 401);
    else assert.deepEqual([reply.body.data, reply.body.additional_data], [null, null]);
  }

  const deal = (test: (d: (typeof deals)[number]) => boolean) => {
    const found = deals.find(test);
    assert.ok(found, 'the demo seed has such a deal');
    return found;
  };

  it('POST /oauth/token matches the spec (get-tokens)', () => {
    assert.equal(tokens.status, 200);
    assertValid(validateResponse('pipedrive-v1', 'POST', '/oauth/token', 200, tokens.body));
  });

  it('POST /oauth/token with a refresh token matches the spec (get-tokens)', async () => {
    const refreshed = await tokenRequest(running.url, {
      grant_type: 'refresh_token',
      refresh_token: tokens.body.refresh_token,
    });
    assert.equal(refreshed.status, 200);
    assertValid(
      validateResponse('pipedrive-v1', 'POST', '/oauth/token', 200, await refreshed.json()),
    );
  });

  describe('deals', () => {
    it('GET /api/v2/deals (list and filters)', async () => {
      await assertRoute('GET', '/api/v2/deals?limit=100');
      await assertRoute(
        'GET',
        '/api/v2/deals?status=open&sort_by=update_time&sort_direction=desc&limit=2',
      );
    });

    it('GET /api/v2/deals/{id}, its products and its discounts, for every demo deal', async () => {
      for (const { id } of deals) {
        await assertRoute('GET', `/api/v2/deals/${id}?include_fields=products_count`);
        await assertRoute('GET', `/api/v2/deals/${id}/products?limit=500`);
        await assertRoute('GET', `/api/v2/deals/${id}/discounts`);
      }
    });

    it('GET /api/v2/deals/products (batch)', async () => {
      await assertRoute(
        'GET',
        `/api/v2/deals/products?deal_ids=${deals.map((d) => d.id).join(',')}`,
      );
    });

    it('PATCH /api/v2/deals/{id}', async () => {
      await assertRoute('PATCH', `/api/v2/deals/${deals[0]!.id}`, 200, {
        title: 'Renamed by contract test',
      });
    });
  });

  describe('customers and catalogue', () => {
    it('GET /api/v2/organizations/{id}', async () => {
      const b2b = deal((d) => d.org_id !== null);
      await assertRoute('GET', `/api/v2/organizations/${b2b.org_id}`);
    });

    it('GET /api/v2/persons/{id} (with and without an organization) and /persons?org_id', async () => {
      const b2b = deal((d) => d.org_id !== null && d.person_id !== null);
      const b2c = deal((d) => d.org_id === null && d.person_id !== null);
      await assertRoute('GET', `/api/v2/persons/${b2b.person_id}`);
      await assertRoute('GET', `/api/v2/persons/${b2c.person_id}`);
      await assertRoute('GET', `/api/v2/persons?org_id=${b2b.org_id}`);
    });

    it('GET /api/v2/products and /products/{id}', async () => {
      const products = await call('GET', '/api/v2/products?limit=100');
      await assertRoute('GET', `/api/v2/products/${products.body.data[0].id}`);
      await assertRoute('GET', '/api/v2/products?limit=100');
    });

    it('GET /api/v2/products/search', async () => {
      const found = await assertRoute(
        'GET',
        '/api/v2/products/search?term=CONS-HR&fields=code&exact_match=true',
      );
      assert.equal(found.body.data.items.length, 1);
    });

    it('GET /api/v2/stages, /stages/{id}, /pipelines, /pipelines/{id}', async () => {
      const { stage_id, pipeline_id } = deals[0]!;
      for (const path of [
        `/api/v2/stages?pipeline_id=${pipeline_id}`,
        `/api/v2/stages/${stage_id}`,
        '/api/v2/pipelines',
        `/api/v2/pipelines/${pipeline_id}`,
      ]) {
        await assertRoute('GET', path);
      }
    });

    it('GET /api/v2/{deal,organization,person,product}Fields', async () => {
      for (const entity of ['deal', 'organization', 'person', 'product']) {
        await assertRoute('GET', `/api/v2/${entity}Fields?limit=500`);
      }
    });
  });

  describe('v1', () => {
    it('GET /api/v1/users/me and /api/v1/currencies', async () => {
      await assertRoute('GET', '/api/v1/users/me');
      await assertRoute('GET', '/api/v1/currencies');
    });

    it('POST /api/v1/notes on a deal', async () => {
      const note = {
        content: '<b>Invoice INV-0001</b> created',
        deal_id: deals[0]!.id,
        pinned_to_deal_flag: 1,
      };
      await assertRoute('POST', '/api/v1/notes', 200, note);
    });

    it('GET /api/v1/notes?deal_id', async () => {
      await assertRoute('GET', `/api/v1/notes?deal_id=${deals[0]!.id}&limit=50`);
    });
  });

  describe('webhooks (v1)', () => {
    const webhook = {
      subscription_url: 'http://127.0.0.1:9/webhooks/pipedrive',
      event_action: 'delete',
      event_object: 'product',
      name: 'Contract test webhook',
      http_auth_user: 'pd-hook',
      http_auth_password: 's3cret',
      version: '2.0',
    };

    it('POST, GET and DELETE /api/v1/webhooks', async () => {
      const created = await assertRoute('POST', '/api/v1/webhooks', 201, webhook);
      const id = created.body.data.id;
      const listed = await assertRoute('GET', '/api/v1/webhooks');
      assert.ok(listed.body.data.some((w: { id: number }) => w.id === id));
      await assertRoute('DELETE', `/api/v1/webhooks/${id}`);
      const gone = await call('DELETE', `/api/v1/webhooks/${id}`);
      assert.equal(gone.status, 404);
      assertValid(
        validateResponse('pipedrive-v1', 'DELETE', `/api/v1/webhooks/${id}`, 404, gone.body),
      );
    });

    it('400 for a Pipedrive URL as subscription_url, 401 without a token', async () => {
      const path = '/api/v1/webhooks';
      const refused = await call('POST', path, {
        ...webhook,
        subscription_url: 'https://kauricoast.pipedrive.com/api/v1/deals',
      });
      assert.equal(refused.status, 400);
      assertValid(validateResponse('pipedrive-v1', 'POST', path, 400, refused.body));
      assert.deepEqual(refused.body.errors, { subscription_url: ['invalid or non-reachable URL'] });
      const anonymous = await call('GET', path, undefined, false);
      assert.equal(anonymous.status, 401);
      assertValid(validateResponse('pipedrive-v1', 'GET', path, 401, anonymous.body));
    });
  });

  describe('errors', () => {
    it('401 without a token, on v1 and v2', async () => {
      assertError(await call('GET', '/api/v1/users/me', undefined, false), 401);
      assertError(await call('GET', `/api/v2/deals/${deals[0]!.id}`, undefined, false), 401);
    });

    it('404 for an unknown deal, and for a v1 endpoint out of support', async () => {
      assertError(await call('GET', '/api/v2/deals/999999'), 404);
      assertError(await call('GET', `/api/v1/deals/${deals[0]!.id}`), 404);
    });

    it('400 for a string where v2 wants a number, and for a note without content', async () => {
      // docs/vendors/pipedrive.md §2.4: v2 numeric fields do not coerce strings.
      const patch = await fetch(`${apiDomain}/api/v2/deals/${deals[0]!.id}`, {
        method: 'PATCH',
        headers: {
          authorization: `Bearer ${tokens.body.access_token}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ value: '12' }),
      });
      assertError({ status: patch.status, body: await patch.json() }, 400);
      const note = await fetch(`${apiDomain}/api/v1/notes`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${tokens.body.access_token}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ deal_id: deals[0]!.id }),
      });
      assertError({ status: note.status, body: await note.json() }, 400);
    });
  });
});
