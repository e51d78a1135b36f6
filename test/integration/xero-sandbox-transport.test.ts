import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import { DEMO_TENANT_B } from '../../sandbox/xero/seed.js';
import { resetSandbox } from '../support/sandbox-reset.js';
import { api, connect, type StartedXero, startXero } from './xero-sandbox-helpers.js';

let xero: StartedXero;
let url: string;
let token: string;

before(async () => {
  xero = await startXero();
  url = xero.url;
});
after(() => xero.close());
beforeEach(async () => {
  await resetSandbox(url);
  token = (await connect(url)).access_token;
});

async function injectFault(rule: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${url}/__sandbox/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(rule),
  });
  assert.equal(response.status, 201);
}

async function organisationName(tenantId?: string): Promise<string | undefined> {
  const response = await api(url, token, '/Organisation', tenantId ? { tenantId } : {});
  assert.equal(response.status, 200);
  return ((await response.json()) as { Organisations: { Name: string }[] }).Organisations[0]?.Name;
}

describe('Accounting transport on the composed server', () => {
  it('routes each call to the tenant named by xero-tenant-id', async () => {
    assert.equal(await organisationName(), 'Kauri Coast Trading Ltd');
    assert.equal(await organisationName(DEMO_TENANT_B), 'Kauri Coast Wholesale Ltd');
    assert.equal(await organisationName(DEMO_TENANT_B.toUpperCase()), 'Kauri Coast Wholesale Ltd');
  });

  it('answers a call without Authorization with problem JSON and a fresh Instance each time', async () => {
    const call = () =>
      fetch(`${url}/api.xro/2.0/Organisation`, {
        headers: { accept: 'application/json', 'xero-tenant-id': DEMO_TENANT_B },
      });
    const [first, second] = await Promise.all([call(), call()]);
    assert.equal(first.status, 401);
    const a = (await first.json()) as Record<string, unknown>;
    const b = (await second.json()) as Record<string, unknown>;
    assert.deepEqual(Object.keys(a), [
      'Type',
      'Title',
      'Status',
      'Detail',
      'Instance',
      'Extensions',
    ]);
    assert.equal(a.Detail, 'AuthorizationUnsuccessful');
    assert.match(String(a.Instance), /^[0-9a-f-]{36}$/);
    assert.notEqual(a.Instance, b.Instance);
    assert.equal(first.headers.get('x-minlimit-remaining'), '60');
  });

  it('refuses a client that does not ask for JSON with 406', async () => {
    for (const accept of [undefined, '*/*', 'application/xml']) {
      const headers: Record<string, string> = {
        authorization: `Bearer ${token}`,
        'xero-tenant-id': DEMO_TENANT_B,
      };
      if (accept) headers.accept = accept;
      const response = await fetch(`${url}/api.xro/2.0/Organisation`, { headers });
      assert.equal(response.status, 406, `Accept: ${accept}`);
      assert.match(await response.text(), /only speaks JSON/);
    }
  });

  it('puts unknown Accounting paths behind the transport, then answers Xero’s plain-text 404', async () => {
    assert.equal((await api(url, 'nope', '/NoSuchThing')).status, 401);
    const missing = await api(url, token, '/NoSuchThing');
    assert.equal(missing.status, 404);
    assert.equal(await missing.text(), "The resource you're looking for cannot be found");
    assert.equal(missing.headers.get('x-daylimit-remaining'), '4999');
  });

  it('answers an injected 429 in Xero’s shape with the rule’s Retry-After', async () => {
    await injectFault({ kind: '429', path: '/api.xro/2.0/Organisation', retryAfter: 7 });
    const response = await api(url, token, '/Organisation');
    assert.equal(response.status, 429);
    assert.equal(response.headers.get('x-rate-limit-problem'), 'minute');
    assert.equal(response.headers.get('retry-after'), '7');
    assert.equal(response.headers.get('x-daylimit-remaining'), '5000');
    assert.match(await response.text(), /^oauth_problem=rate%20limit%20exceeded/);
    assert.equal(
      (await api(url, token, '/Organisation')).status,
      200,
      'only the next call is faulted',
    );
  });

  it('answers injected 500 and 503 without processing the write', async () => {
    await injectFault({ kind: '500', method: 'PUT', path: '/api.xro/2.0/Contacts' });
    await injectFault({ kind: '503', method: 'PUT', path: '/api.xro/2.0/Contacts' });
    const body = { Contacts: [{ Name: 'Faulted Ltd' }] };
    const first = await api(url, token, '/Contacts', { method: 'PUT', body });
    assert.equal(first.status, 500);
    assert.equal(((await first.json()) as { Status: number }).Status, 500);
    const second = await api(url, token, '/Contacts', { method: 'PUT', body });
    assert.equal(second.status, 503);
    const where = encodeURIComponent('Name=="Faulted Ltd"');
    const list = (await (await api(url, token, `/Contacts?where=${where}`)).json()) as {
      Contacts: unknown[];
    };
    assert.equal(list.Contacts.length, 0);
    assert.equal((await api(url, token, '/Contacts', { method: 'PUT', body })).status, 200);
  });

  it('holds an injected timeout unanswered and processes nothing', async () => {
    await injectFault({
      kind: 'timeout',
      method: 'PUT',
      path: '/api.xro/2.0/Contacts',
      holdMs: 60_000,
    });
    const body = { Contacts: [{ Name: 'Timed Out Ltd' }] };
    await assert.rejects(
      fetch(`${url}/api.xro/2.0/Contacts`, {
        method: 'PUT',
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          'content-type': 'application/json',
          'xero-tenant-id': DEMO_TENANT_B,
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(200),
      }),
    );
    const where = encodeURIComponent('Name=="Timed Out Ltd"');
    const list = (await (
      await api(url, token, `/Contacts?where=${where}`, { tenantId: DEMO_TENANT_B })
    ).json()) as { Contacts: unknown[] };
    assert.equal(list.Contacts.length, 0);
    assert.equal(xero.sandbox.limiter.inFlightFor('sandbox-xero-client', DEMO_TENANT_B), 0);
  });

  it('commits but drops the response on drop-response', async () => {
    await injectFault({ kind: 'drop-response', method: 'PUT', path: '/api.xro/2.0/Contacts' });
    await assert.rejects(
      api(url, token, '/Contacts', {
        method: 'PUT',
        body: { Contacts: [{ Name: 'Committed Ltd' }] },
      }),
    );
    const where = encodeURIComponent('Name=="Committed Ltd"');
    const list = (await (await api(url, token, `/Contacts?where=${where}`)).json()) as {
      Contacts: unknown[];
    };
    assert.equal(list.Contacts.length, 1);
  });
});
