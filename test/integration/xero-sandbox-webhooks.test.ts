import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';

import { DEMO_XERO_APP } from '../../sandbox/xero/apps.js';
import { DEMO_TENANT_A } from '../../sandbox/xero/seed.js';
import { api, connect, type StartedXero, startXero } from './xero-sandbox-helpers.js';

// The demo app's own webhook key (Developer portal), configured by the composed sandbox.
const KEY = DEMO_XERO_APP.webhookKey;
const APP = DEMO_XERO_APP.clientId;
const TENANT_A = DEMO_TENANT_A;

interface Received {
  raw: Buffer;
  headers: IncomingHttpHeaders;
}

/** The app under test, reduced to a webhook receiver whose answer each test chooses. */
function startReceiver(): Promise<{
  server: Server;
  url: string;
  received: Received[];
  answer: (req: Received) => number;
}> {
  const state = {
    received: [] as Received[],
    answer: (_req: Received) => 200,
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const entry = { raw: Buffer.concat(chunks), headers: req.headers };
      state.received.push(entry);
      res.statusCode = state.answer(entry);
      res.end();
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve(Object.assign(state, { server, url: `http://127.0.0.1:${port}/webhooks/xero` }));
    }),
  );
}

/** What a correct receiver does: HMAC over the raw bytes, constant-time compare. */
function signatureMatches(entry: Received, key = KEY): boolean {
  const expected = createHmac('sha256', key).update(entry.raw).digest();
  const given = Buffer.from(String(entry.headers['x-xero-signature'] ?? ''), 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const parse = (entry: Received) =>
  JSON.parse(entry.raw.toString('utf8')) as {
    events: Array<Record<string, unknown>>;
    firstEventSequence: number;
    lastEventSequence: number;
    entropy: string;
  };

describe('Xero sandbox webhooks', () => {
  let xero: StartedXero;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let clockNow: number;
  let accessToken: string;
  let apiBase: string;

  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${xero.url}${path}`, {
      method,
      ...(body !== undefined && {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };
  const advance = (ms: number) => control('POST', '/__sandbox/clock', { advanceMs: ms });
  /** A change as the books announce it; these tests are about delivery, not about the books. */
  const emit = (resourceId: string, category: 'INVOICE' | 'CONTACT' = 'INVOICE') =>
    xero.sandbox.webhooks.listener({
      category,
      type: 'CREATE',
      tenantId: TENANT_A,
      resourceId,
      atMs: clockNow,
    });

  before(async () => {
    receiver = await startReceiver();
    xero = await startXero();
    apiBase = `${xero.url}/api.xro/2.0`;
  });
  beforeEach(async () => {
    await control('POST', '/__sandbox/reset', {});
    clockNow = xero.sandbox.clock.now();
    // The app is connected to the demo organisations through the real OAuth flow.
    accessToken = (await connect(xero.url)).access_token;
    receiver.received.length = 0;
    receiver.answer = (entry) => (signatureMatches(entry) ? 200 : 401);
    const subscribed = await control('POST', '/__sandbox/xero/webhooks', {
      clientId: APP,
      url: receiver.url,
    });
    assert.equal(subscribed.status, 201);
  });
  after(async () => {
    await xero.close();
    receiver.server.closeAllConnections();
    receiver.server.close();
  });

  it('batches events and signs the exact bytes sent with the webhook key', async () => {
    emit('11111111-1111-4111-8111-111111111111', 'INVOICE');
    emit('22222222-2222-4222-8222-222222222222', 'CONTACT');
    await control('POST', '/__sandbox/xero/webhooks/flush');

    assert.equal(receiver.received.length, 1);
    const [entry] = receiver.received;
    assert.ok(
      entry && signatureMatches(entry),
      'receiver verifies x-xero-signature over the raw body',
    );
    assert.equal(signatureMatches(entry, 'some-other-key'), false);
    const payload = parse(entry);
    assert.equal(payload.firstEventSequence, 1);
    assert.equal(payload.lastEventSequence, 2);
    assert.match(payload.entropy, /^[A-Z]{20}$/);
    assert.deepEqual(payload.events[0], {
      resourceUrl: `${apiBase}/Invoices/11111111-1111-4111-8111-111111111111`,
      resourceId: '11111111-1111-4111-8111-111111111111',
      eventDateUtc: new Date(clockNow).toISOString().slice(0, -1),
      eventType: 'CREATE',
      eventCategory: 'INVOICE',
      tenantId: TENANT_A,
      tenantType: 'ORGANISATION',
    });
    assert.equal(
      payload.events[1]?.resourceUrl,
      `${apiBase}/Contacts/22222222-2222-4222-8222-222222222222`,
    );
    assert.doesNotMatch(String(payload.events[0]?.eventDateUtc), /Z$/);

    const { body } = await control('GET', '/__sandbox/xero/webhooks/deliveries');
    assert.equal(body.deliveries.length, 1);
    assert.equal(body.deliveries[0].status, 200);
    assert.equal(body.deliveries[0].signatureValid, true);
    assert.equal(body.deliveries[0].body, entry.raw.toString('utf8'));
  });

  it('Intent to Receive passes for a receiver that checks signatures', async () => {
    const { body } = await control('POST', '/__sandbox/xero/webhooks/intent-to-receive', {
      clientId: APP,
    });
    assert.equal(body.status, 'OK', JSON.stringify(body.reasons));
    assert.ok(body.checks.some((check: any) => !check.correctlySigned));
    assert.ok(receiver.received.every((entry) => parse(entry).events.length === 0));
    const subs = await control('GET', '/__sandbox/xero/webhooks');
    assert.equal(subs.body.subscriptions[0].intentToReceive, 'OK');
  });

  it('Intent to Receive fails for a receiver that always answers 200', async () => {
    receiver.answer = () => 200;
    const { body } = await control('POST', '/__sandbox/xero/webhooks/intent-to-receive', {
      clientId: APP,
    });
    assert.equal(body.status, 'failed');
    assert.ok(body.reasons.length > 0);
    assert.match(body.reasons[0], /incorrectly signed\): expected HTTP 401, got HTTP 200/);
  });

  it('retries a failing batch at once, then every 15 min, and disables the webhook after 24 h', async () => {
    receiver.answer = () => 500;
    emit('33333333-3333-4333-8333-333333333333');
    await control('POST', '/__sandbox/xero/webhooks/flush');
    assert.equal(receiver.received.length, 2, 'first attempt + immediate retry');

    await advance(15 * 60_000);
    await control('POST', '/__sandbox/xero/webhooks/flush');
    assert.equal(receiver.received.length, 3);

    await advance((24 * 60 - 30) * 60_000);
    await control('POST', '/__sandbox/xero/webhooks/flush');
    assert.equal(receiver.received.length, 97);
    assert.equal(
      (await control('GET', '/__sandbox/xero/webhooks')).body.subscriptions[0].status,
      'active',
    );

    await advance(15 * 60_000);
    await control('POST', '/__sandbox/xero/webhooks/flush');
    assert.equal(receiver.received.length, 98);
    assert.equal(
      (await control('GET', '/__sandbox/xero/webhooks')).body.subscriptions[0].status,
      'disabled',
    );
    const { body } = await control('GET', '/__sandbox/xero/webhooks/deliveries');
    assert.deepEqual(
      body.deliveries.slice(0, 3).map((d: any) => [d.attempt, d.status]),
      [
        [1, 500],
        [2, 500],
        [3, 500],
      ],
    );

    // Re-enabling replays the kept batch.
    receiver.answer = (entry) => (signatureMatches(entry) ? 200 : 401);
    await control('POST', '/__sandbox/xero/webhooks', { clientId: APP, url: receiver.url });
    await control('POST', '/__sandbox/xero/webhooks/flush');
    assert.equal(receiver.received.length, 99);
    assert.equal(
      parse(receiver.received[98]!).events[0]?.resourceId,
      '33333333-3333-4333-8333-333333333333',
    );
  });

  it('duplicate knob sends each batch twice, byte for byte', async () => {
    await control('POST', '/__sandbox/xero/webhooks/knobs', { duplicate: true });
    emit('44444444-4444-4444-8444-444444444444');
    await control('POST', '/__sandbox/xero/webhooks/flush');
    assert.equal(receiver.received.length, 2);
    assert.deepEqual(receiver.received[0]?.raw, receiver.received[1]?.raw);
  });

  it('out-of-order knob delivers later batches first', async () => {
    await control('POST', '/__sandbox/xero/webhooks/knobs', { outOfOrder: true });
    emit('55555555-5555-4555-8555-555555555555');
    await advance(1000);
    emit('66666666-6666-4666-8666-666666666666');
    await advance(1000);
    await control('POST', '/__sandbox/xero/webhooks/flush');
    assert.deepEqual(
      receiver.received.map((entry) => parse(entry).firstEventSequence),
      [2, 1],
    );
  });
  const putInvoice = async () => {
    const response = await api(xero.url, accessToken, '/Invoices', {
      method: 'PUT',
      body: {
        Invoices: [
          {
            Type: 'ACCREC',
            Contact: { Name: 'Kauri Digital Ltd' },
            Status: 'AUTHORISED',
            LineItems: [
              {
                Description: 'Consulting',
                Quantity: 1,
                UnitAmount: 100,
                AccountCode: '200',
                TaxType: 'OUTPUT2',
              },
            ],
          },
        ],
      },
    });
    assert.equal(response.status, 200);
    return ((await response.json()) as { Invoices: Array<{ InvoiceID: string }> }).Invoices[0]!;
  };
  const receivedEvents = () =>
    receiver.received.flatMap((entry) => {
      assert.ok(signatureMatches(entry), 'every delivery is signed with the app key');
      return parse(entry).events;
    });

  it('end to end: an API write and a recorded payment arrive as signed INVOICE events', async () => {
    const invoice = await putInvoice();
    await control('POST', '/__sandbox/xero/webhooks/flush');
    const created = receivedEvents().find((event) => event.resourceId === invoice.InvoiceID);
    assert.deepEqual(
      created && [created.eventCategory, created.eventType, created.tenantId, created.resourceUrl],
      ['INVOICE', 'CREATE', TENANT_A, `${apiBase}/Invoices/${invoice.InvoiceID}`],
    );
    // The resourceUrl leads back to this sandbox: the app can fetch what changed.
    const fetched = await fetch(String(created?.resourceUrl), {
      headers: {
        authorization: `Bearer ${accessToken}`,
        'xero-tenant-id': TENANT_A,
        accept: 'application/json',
      },
    });
    assert.equal(fetched.status, 200);

    receiver.received.length = 0;
    const paid = await control(
      'POST',
      `/__sandbox/xero/tenants/${TENANT_A}/invoices/${invoice.InvoiceID}/payments`,
      { amount: 40 },
    );
    assert.equal(paid.status, 200, JSON.stringify(paid.body));
    await control('POST', '/__sandbox/xero/webhooks/flush');
    assert.deepEqual(
      receivedEvents().map((event) => [event.eventCategory, event.eventType, event.resourceId]),
      [['INVOICE', 'UPDATE', invoice.InvoiceID]],
    );
  });

  it('an app not connected to the organisation hears nothing of it', async () => {
    const otherKey = 'other-app-webhook-key-0123456789';
    const other = await startReceiver();
    other.answer = (entry) => (signatureMatches(entry, otherKey) ? 200 : 401);
    try {
      const registered = await control('POST', '/__sandbox/xero/apps', {
        clientId: 'other-app',
        clientSecret: 'other-secret',
        name: 'Other app',
        redirectUris: ['http://localhost:4000/callback'],
        webhookKey: otherKey,
      });
      assert.equal(registered.status, 201);
      // No key given: the subscription signs with the key the app was registered with.
      const subscribed = await control('POST', '/__sandbox/xero/webhooks', {
        clientId: 'other-app',
        url: other.url,
      });
      assert.equal(subscribed.status, 201);
      const itr = await control('POST', '/__sandbox/xero/webhooks/intent-to-receive', {
        clientId: 'other-app',
      });
      assert.equal(itr.body.status, 'OK', JSON.stringify(itr.body.reasons));
      other.received.length = 0;

      await putInvoice();
      await control('POST', '/__sandbox/xero/webhooks/flush');
      assert.ok(receivedEvents().length > 0, 'the connected app hears the change');
      assert.equal(other.received.length, 0);
      const { body } = await control('GET', '/__sandbox/xero/webhooks/deliveries');
      assert.deepEqual(
        body.deliveries
          .filter((d: { clientId: string; kind: string }) => d.clientId === 'other-app')
          .map((d: { kind: string }) => d.kind),
        Array(6).fill('intent-to-receive'),
      );
    } finally {
      other.server.closeAllConnections();
      other.server.close();
    }
  });
});
