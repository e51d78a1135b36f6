import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import { SandboxClock } from '../../sandbox/common/clock.js';
import {
  api,
  installDemoApp,
  type StartedPipedrive,
  startPipedriveSandbox,
  tokenRequest,
  type TokenSet,
} from '../../sandbox/pipedrive/test-kit.js';
import { resetSandbox } from '../support/sandbox-reset.js';

// A clock that stands still unless advanced, so window arithmetic is exact.
const clock = new SandboxClock(Date.UTC(2026, 10, 25, 12));
clock.setRate(1e-9);
let pd: StartedPipedrive;
let tokens: TokenSet;
before(async () => {
  pd = await startPipedriveSandbox({ clock, limits: { burstPerToken: 20, dailyTokenBudget: 200 } });
});
after(async () => pd.running.close());
beforeEach(async () => {
  await resetSandbox(pd.url);
  tokens = await installDemoApp(pd.url);
});

describe('Pipedrive sandbox rate limits and faults', () => {
  it('sends the rate-limit headers on every API response and 429s past the burst, until the window rolls', async () => {
    for (let i = 0; i < 20; i += 1) {
      const response = await api(tokens, 'GET', '/api/v2/deals/1');
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('x-ratelimit-limit'), '20');
      assert.equal(response.headers.get('x-ratelimit-remaining'), String(19 - i));
      assert.equal(response.headers.get('x-ratelimit-reset'), '2');
      assert.equal(response.headers.get('x-daily-ratelimit-token-limit'), '200');
    }
    const refused = await api(tokens, 'GET', '/api/v2/deals/1');
    assert.equal(refused.status, 429);
    assert.equal(refused.body.success, false);
    assert.equal(refused.body.data, null);
    assert.equal(refused.headers.get('x-ratelimit-remaining'), '0');
    pd.sandbox.clock.advance(2000);
    assert.equal((await api(tokens, 'GET', '/api/v2/deals/1')).status, 200);
  });

  it('charges each call its x-token-cost against the company budget, then 429s until midnight', async () => {
    // GET /api/v2/deals costs 10, GET /api/v2/deals/{id} 1, GET /api/v1/currencies 20.
    const list = await api(tokens, 'GET', '/api/v2/deals');
    assert.equal(list.headers.get('x-daily-ratelimit-token-remaining'), '190');
    const one = await api(tokens, 'GET', '/api/v2/deals/1');
    assert.equal(one.headers.get('x-daily-ratelimit-token-remaining'), '189');
    const currencies = await api(tokens, 'GET', '/api/v1/currencies');
    assert.equal(currencies.headers.get('x-daily-ratelimit-token-remaining'), '169');
    for (let i = 0; i < 8; i += 1) {
      pd.sandbox.clock.advance(2000);
      assert.equal((await api(tokens, 'GET', '/api/v1/currencies')).status, 200);
    }
    pd.sandbox.clock.advance(2000);
    const exhausted = await api(tokens, 'GET', '/api/v1/currencies');
    assert.equal(exhausted.status, 429);
    assert.equal(exhausted.headers.get('x-daily-ratelimit-token-remaining'), '9');
    assert.equal(
      (await api(tokens, 'GET', '/api/v2/deals/1')).status,
      200,
      'a 1-token call still fits',
    );
    const now = pd.sandbox.clock.now();
    pd.sandbox.clock.advance(86_400_000 - (now % 86_400_000));
    // The access token lapsed meanwhile (3599 s); refresh it as the app would.
    const refreshed = (await (
      await tokenRequest(pd.url, {
        grant_type: 'refresh_token',
        refresh_token: tokens.refresh_token,
      })
    ).json()) as TokenSet;
    const nextDay = await api(refreshed, 'GET', '/api/v1/currencies');
    assert.equal(nextDay.status, 200);
    assert.equal(nextDay.headers.get('x-daily-ratelimit-token-remaining'), '180');
  });

  it('answers injected faults in Pipedrive shape (429 with Retry-After, 500, 503)', async () => {
    const inject = (kind: string) =>
      fetch(`${pd.url}/__sandbox/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind, path: '/c/kauricoast/api/v2/deals' }),
      });
    for (const [kind, status] of [
      ['429', 429],
      ['500', 500],
      ['503', 503],
    ] as const) {
      assert.equal((await inject(kind)).status, 201);
      const response = await api(tokens, 'GET', '/api/v2/deals/1');
      assert.equal(response.status, status);
      assert.equal(response.body.success, false);
      assert.equal(typeof response.body.error, 'string');
      assert.equal(response.body.data, null);
      if (status === 429) assert.equal(response.headers.get('retry-after'), '1');
      assert.equal(
        (await api(tokens, 'GET', '/api/v2/deals/1')).status,
        200,
        'one fault, one call',
      );
    }
  });
});
