import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';

import type { FastifyInstance } from 'fastify';

import { DEMO_TENANT_A, DEMO_TENANT_B } from '../../sandbox/xero/seed.js';
import type { XeroSandboxOptions } from '../../sandbox/xero/server.js';
import { api, connect, type StartedXero, startXero } from './xero-sandbox-helpers.js';

const RATE_LIMIT_BODY =
  'oauth_problem=rate%20limit%20exceeded&oauth_problem_advice=please%20wait%20before%20retrying%20the%20xero%20api';

const started: StartedXero[] = [];
after(() => Promise.all(started.map((xero) => xero.close())));

async function start(options: XeroSandboxOptions = {}) {
  const xero = await startXero(options);
  started.push(xero);
  const tokens = await connect(xero.url);
  return { xero, url: xero.url, token: tokens.access_token };
}

function limitHeaders(response: Response) {
  return {
    day: response.headers.get('x-daylimit-remaining'),
    minute: response.headers.get('x-minlimit-remaining'),
    appMinute: response.headers.get('x-appminlimit-remaining'),
  };
}

/** A route that holds its response until the test lets go, to keep calls in flight. */
function holdingRoute() {
  let arrivals = 0;
  let onArrival: (() => void) | undefined;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  return {
    register(scope: FastifyInstance) {
      scope.get('/TestHold', async () => {
        arrivals += 1;
        onArrival?.();
        await released;
        return { held: true };
      });
    },
    async arrived(count: number) {
      while (arrivals < count) await new Promise<void>((resolve) => (onArrival = resolve));
    },
    release,
  };
}

describe('rate limits', () => {
  it('puts the three remaining headers on every response, including 401 and 403', async () => {
    const { url, token } = await start();
    const ok = await api(url, token, '/Organisation');
    assert.equal(ok.status, 200);
    assert.deepEqual(limitHeaders(ok), { day: '4999', minute: '59', appMinute: '9999' });
    const second = await api(url, token, '/Organisation');
    assert.deepEqual(limitHeaders(second), { day: '4998', minute: '58', appMinute: '9998' });

    const unauthorised = await api(url, 'not-a-token', '/Organisation');
    assert.equal(unauthorised.status, 401);
    assert.deepEqual(limitHeaders(unauthorised), { day: '5000', minute: '60', appMinute: '10000' });
    const forbidden = await api(url, token, '/Organisation', { tenantId: null });
    assert.equal(forbidden.status, 403);
    assert.equal(limitHeaders(forbidden).appMinute, '9998', 'refused calls are not counted');
    const otherTenant = await api(url, token, '/Organisation', { tenantId: DEMO_TENANT_B });
    assert.deepEqual(limitHeaders(otherTenant), { day: '4999', minute: '59', appMinute: '9997' });
  });

  it('answers the minute limit with 429 minute + Retry-After, and resets when the window ends', async () => {
    const { xero, url, token } = await start({ limits: { perMinutePerTenant: 3 } });
    for (let i = 0; i < 3; i++) assert.equal((await api(url, token, '/Organisation')).status, 200);
    xero.sandbox.clock.advance(20_000);
    const refused = await api(url, token, '/Organisation');
    assert.equal(refused.status, 429);
    assert.equal(refused.headers.get('x-rate-limit-problem'), 'minute');
    assert.equal(refused.headers.get('retry-after'), '40');
    assert.deepEqual(limitHeaders(refused), { day: '4997', minute: '0', appMinute: '9997' });
    assert.equal(await refused.text(), RATE_LIMIT_BODY);
    assert.equal(
      (await api(url, token, '/Organisation', { tenantId: DEMO_TENANT_B })).status,
      200,
      'per tenant',
    );

    xero.sandbox.clock.advance(40_000);
    const again = await api(url, token, '/Organisation');
    assert.equal(again.status, 200);
    assert.equal(limitHeaders(again).minute, '2');
  });

  it('answers the day limit with 429 day and a Retry-After until the day window ends', async () => {
    const { xero, url, token } = await start({ limits: { perDayPerTenant: 2 } });
    await api(url, token, '/Organisation');
    await api(url, token, '/Organisation');
    xero.sandbox.clock.advance(20 * 60_000);
    const refused = await api(url, token, '/Organisation');
    assert.equal(refused.status, 429);
    assert.equal(refused.headers.get('x-rate-limit-problem'), 'day');
    assert.equal(refused.headers.get('retry-after'), String(24 * 3600 - 20 * 60));
    assert.equal(limitHeaders(refused).day, '0');
    xero.sandbox.clock.advance((24 * 3600 - 20 * 60) * 1000);
    const fresh = await connect(url); // the first access token has long expired
    assert.equal((await api(url, fresh.access_token, '/Organisation')).status, 200);
  });

  it('answers the app-wide minute limit with 429 appminute across tenants', async () => {
    const { xero, url, token } = await start({ limits: { perMinutePerApp: 2 } });
    assert.equal((await api(url, token, '/Organisation', { tenantId: DEMO_TENANT_A })).status, 200);
    assert.equal((await api(url, token, '/Organisation', { tenantId: DEMO_TENANT_B })).status, 200);
    const refused = await api(url, token, '/Organisation', { tenantId: DEMO_TENANT_B });
    assert.equal(refused.status, 429);
    assert.equal(refused.headers.get('x-rate-limit-problem'), 'appminute');
    assert.equal(refused.headers.get('retry-after'), '60');
    assert.equal(limitHeaders(refused).appMinute, '0');
    xero.sandbox.clock.advance(60_000);
    assert.equal((await api(url, token, '/Organisation')).status, 200);
  });

  it('answers a sixth concurrent call with 429 concurrent and frees the slot when a response ends', async () => {
    const hold = holdingRoute();
    const { url, token } = await start({ extraAccountingRoutes: hold.register });
    const held = Array.from({ length: 5 }, () => api(url, token, '/TestHold'));
    await hold.arrived(5);
    const refused = await api(url, token, '/Organisation');
    assert.equal(refused.status, 429);
    assert.equal(refused.headers.get('x-rate-limit-problem'), 'concurrent');
    assert.equal(refused.headers.get('retry-after'), null);
    assert.equal(
      (await api(url, token, '/Organisation', { tenantId: DEMO_TENANT_B })).status,
      200,
      'per tenant',
    );
    hold.release();
    for (const response of await Promise.all(held)) assert.equal(response.status, 200);
    assert.equal((await api(url, token, '/Organisation')).status, 200);
  });

  it('frees a concurrency slot when the client hangs up', async () => {
    const hold = holdingRoute();
    const { xero, url, token } = await start({
      extraAccountingRoutes: hold.register,
      limits: { concurrentPerTenant: 1 },
    });
    const abort = new AbortController();
    const pending = fetch(`${url}/api.xro/2.0/TestHold`, {
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
        'xero-tenant-id': DEMO_TENANT_A,
      },
      signal: abort.signal,
    }).catch((error: unknown) => error);
    await hold.arrived(1);
    assert.equal((await api(url, token, '/Organisation')).status, 429);
    abort.abort();
    assert.ok((await pending) instanceof Error);
    // The server sees the hang-up a few event-loop turns later; wait for that, not for time.
    for (
      let turn = 0;
      turn < 10_000 && xero.sandbox.limiter.inFlightFor('sandbox-xero-client', DEMO_TENANT_A) > 0;
      turn++
    ) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    assert.equal((await api(url, token, '/Organisation')).status, 200);
    hold.release();
  });

  it('changes limits through the control route', async () => {
    const { url, token } = await start();
    const set = await fetch(`${url}/__sandbox/xero/limits`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ perDayPerTenant: 1000 }),
    });
    assert.equal(
      ((await set.json()) as { limits: { perDayPerTenant: number } }).limits.perDayPerTenant,
      1000,
    );
    assert.equal(limitHeaders(await api(url, token, '/Organisation')).day, '999');
  });
});
