import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import type { FastifyInstance } from 'fastify';

import { DEMO_TENANT_B } from '../../sandbox/xero/seed.js';
import { resetSandbox } from '../support/sandbox-reset.js';
import { api, connect, type StartedXero, startXero } from './xero-sandbox-helpers.js';

/** A route that counts its runs and answers with the status the body asks for, optionally held. */
const counter = {
  runs: 0,
  gate: undefined as Promise<void> | undefined,
  register(scope: FastifyInstance) {
    scope.post('/TestCount', async (request, reply) => {
      counter.runs += 1;
      const run = counter.runs;
      await counter.gate;
      const body = (request.body ?? {}) as { status?: number };
      return reply.code(body.status ?? 200).send({ run });
    });
    scope.get('/TestCount', async () => {
      counter.runs += 1;
      return { run: counter.runs };
    });
  },
};

let xero: StartedXero;
let url: string;
let token: string;

before(async () => {
  xero = await startXero({ extraAccountingRoutes: counter.register });
  url = xero.url;
});
after(() => xero.close());
beforeEach(async () => {
  await resetSandbox(url);
  counter.runs = 0;
  counter.gate = undefined;
  token = (await connect(url)).access_token;
});

function keyed(
  key: string,
  body: unknown,
  path = '/TestCount',
  method = 'POST',
  tenantId?: string,
) {
  return api(url, token, path, {
    method,
    body,
    headers: { 'idempotency-key': key },
    ...(tenantId && { tenantId }),
  });
}

async function contactsNamed(name: string): Promise<unknown[]> {
  const where = encodeURIComponent(`Name=="${name}"`);
  const response = await api(url, token, `/Contacts?where=${where}`);
  assert.equal(response.status, 200);
  return ((await response.json()) as { Contacts: unknown[] }).Contacts;
}

describe('Idempotency-Key', () => {
  it('replays a created contact without creating it twice (real PUT /Contacts)', async () => {
    const body = { Contacts: [{ Name: 'Idempotent Ltd' }] };
    const first = await keyed('contact-1', body, '/Contacts', 'PUT');
    assert.equal(first.status, 200);
    const firstBody = await first.text();
    const second = await keyed('contact-1', body, '/Contacts', 'PUT');
    assert.equal(second.status, 200);
    assert.equal(await second.text(), firstBody);
    assert.match(second.headers.get('content-type') ?? '', /application\/json/);
    assert.equal((await contactsNamed('Idempotent Ltd')).length, 1);
    const stored = (await (await fetch(`${url}/__sandbox/xero/idempotency`)).json()) as {
      keys: { key: string; state: string }[];
    };
    assert.deepEqual(
      stored.keys.map((entry) => [entry.key, entry.state]),
      [['contact-1', 'stored']],
    );
  });

  it('runs the handler once for repeats and still counts them against the rate limit', async () => {
    const first = await keyed('k-once', { a: 1 });
    const second = await keyed('k-once', { a: 1 });
    assert.deepEqual(await first.json(), { run: 1 });
    assert.deepEqual(await second.json(), { run: 1 });
    assert.equal(counter.runs, 1);
    assert.equal(second.headers.get('x-minlimit-remaining'), '58');
  });

  it('replays a cached error instead of running again', async () => {
    const first = await keyed('k-error', { status: 400 });
    assert.equal(first.status, 400);
    const second = await keyed('k-error', { status: 400 });
    assert.equal(second.status, 400);
    assert.deepEqual(await second.json(), { run: 1 });
    assert.equal(counter.runs, 1);
  });

  it('refuses the same key with a different body, URL or method, with Xero’s exact message', async () => {
    await keyed('k-diff', { a: 1 });
    const variants = [
      keyed('k-diff', { a: 2 }),
      keyed('k-diff', { a: 1 }, '/TestCount?summarizeErrors=false'),
      keyed('k-diff', { a: 1 }, '/TestCount', 'PUT'),
    ];
    for (const response of await Promise.all(variants)) {
      assert.equal(response.status, 400);
      const body = (await response.json()) as { Type: string; Message: string };
      assert.equal(body.Type, 'ValidationException');
      assert.equal(body.Message, 'Idempotency Key: k-diff is used with a different request.');
    }
    assert.equal(counter.runs, 1);
  });

  it('refuses keys over 128 characters and accepts 128', async () => {
    const tooLong = await keyed('x'.repeat(129), {});
    assert.equal(tooLong.status, 400);
    assert.equal(((await tooLong.json()) as { Type: string }).Type, 'ValidationException');
    assert.equal(counter.runs, 0);
    assert.equal((await keyed('y'.repeat(128), {})).status, 200);
  });

  it('forgets keys after 6 minutes', async () => {
    await keyed('k-ttl', {});
    xero.sandbox.clock.advance(6 * 60_000 - 1000);
    assert.deepEqual(await (await keyed('k-ttl', {})).json(), { run: 1 });
    xero.sandbox.clock.advance(1000);
    assert.deepEqual(await (await keyed('k-ttl', {})).json(), { run: 2 });
  });

  it('makes a duplicate that arrives while the first is running wait for it and replay it', async () => {
    let open!: () => void;
    counter.gate = new Promise<void>((resolve) => (open = resolve));
    const first = keyed('k-flight', { x: 1 });
    while (counter.runs === 0) await new Promise((resolve) => setImmediate(resolve));
    const second = keyed('k-flight', { x: 1 });
    const stored = (await (await fetch(`${url}/__sandbox/xero/idempotency`)).json()) as {
      keys: { state: string }[];
    };
    assert.deepEqual(
      stored.keys.map((entry) => entry.state),
      ['pending'],
    );
    open();
    const [a, b] = await Promise.all([first, second]);
    assert.deepEqual(await a.json(), { run: 1 });
    assert.deepEqual(await b.json(), { run: 1 });
    assert.equal(counter.runs, 1);
  });

  it('ignores the key on GET and scopes keys per tenant', async () => {
    await api(url, token, '/TestCount', { headers: { 'idempotency-key': 'k-get' } });
    await api(url, token, '/TestCount', { headers: { 'idempotency-key': 'k-get' } });
    assert.equal(counter.runs, 2);
    await keyed('k-tenant', {});
    assert.deepEqual(
      await (await keyed('k-tenant', {}, '/TestCount', 'POST', DEMO_TENANT_B)).json(),
      { run: 4 },
    );
  });

  it('replays a contact whose response was dropped after commit (fault drop-response)', async () => {
    await fetch(`${url}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'drop-response', method: 'PUT', path: '/api.xro/2.0/Contacts' }),
    });
    const body = { Contacts: [{ Name: 'Dropped Reply Ltd' }] };
    await assert.rejects(keyed('k-drop', body, '/Contacts', 'PUT'));
    const retry = await keyed('k-drop', body, '/Contacts', 'PUT');
    assert.equal(retry.status, 200);
    const created = (await retry.json()) as { Contacts: { Name: string }[] };
    assert.equal(created.Contacts[0]?.Name, 'Dropped Reply Ltd');
    assert.equal((await contactsNamed('Dropped Reply Ltd')).length, 1);
  });

  it('does not poison a key when a fault answered before processing', async () => {
    await fetch(`${url}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: '503', path: '/api.xro/2.0/TestCount' }),
    });
    assert.equal((await keyed('k-fault', {})).status, 503);
    const retry = await keyed('k-fault', {});
    assert.equal(retry.status, 200);
    assert.deepEqual(await retry.json(), { run: 1 });
  });
});
