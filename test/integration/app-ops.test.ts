import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { openDatabase } from '../../src/store/db.js';
import { type AppKit, SALES, startAppKit } from '../support/app-kit.js';
import { startChildApp } from '../support/child-app.js';

const METRICS_TOKEN = 'metrics-token-for-the-ops-test';

/** Health, readiness and metrics, over real HTTP, with the sandboxes standing in for the vendors. */
describe('app: health and metrics', () => {
  let kit: AppKit;
  before(async () => {
    kit = await startAppKit({ sharedClock: true, env: { METRICS_TOKEN } });
  });
  after(() => kit.close());

  const metrics = async () => {
    const response = await fetch(`${kit.appUrl}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    assert.equal(response.status, 200);
    return response.text();
  };
  const value = (text: string, series: string) => {
    const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
    return line === undefined ? undefined : Number(line.slice(series.length + 1));
  };

  it('live and ready answer 200, ready with each check', async () => {
    assert.equal((await fetch(`${kit.appUrl}/health/live`)).status, 200);
    const ready = await fetch(`${kit.appUrl}/health/ready`);
    assert.equal(ready.status, 200);
    const body = (await ready.json()) as { checks: { name: string; ok: boolean }[] };
    assert.deepEqual(
      body.checks.map((check) => [check.name, check.ok]),
      [
        ['database', true],
        ['migrations', true],
        ['queue', true],
      ],
    );
  });

  it('metrics need the token', async () => {
    const without = await fetch(`${kit.appUrl}/metrics`);
    assert.equal(without.status, 401);
    assert.equal(((await without.json()) as any).error.code, 'metrics_unauthorized');
    const wrong = await fetch(`${kit.appUrl}/metrics`, {
      headers: { authorization: 'Bearer not-the-metrics-token-at-all' },
    });
    assert.equal(wrong.status, 401);
  });

  it('counts webhooks, runs, vendor calls, 429s, token refreshes and the queue', async () => {
    // Both vendors' access tokens expire within the hour (docs/vendors/*.md): the next calls refresh.
    kit.advance(61 * 60_000);
    await kit.control('xero', 'POST', '/__sandbox/faults', {
      kind: '429',
      path: '/api.xro/2.0/Invoices',
      method: 'PUT',
      times: 1,
      retryAfter: 1,
    });
    const done = kit.next('job:success', (info) => (info.payload as any).dealId === 1);
    await kit.moveDeal(1, SALES.won);
    await done;
    const text = await metrics();
    assert.ok(
      (value(text, 'pdx_webhooks_received_total{vendor="pipedrive",status="200"}') ?? 0) >= 1,
      text,
    );
    assert.equal(value(text, 'pdx_runs{status="succeeded"}'), 1);
    assert.ok((value(text, 'pdx_vendor_calls_total{vendor="xero",status="200"}') ?? 0) >= 1);
    assert.ok((value(text, 'pdx_vendor_calls_total{vendor="pipedrive",status="200"}') ?? 0) >= 1);
    assert.equal(value(text, 'pdx_vendor_rate_limited_total{vendor="xero"}'), 1);
    assert.ok((value(text, 'pdx_token_refreshes_total{vendor="xero",outcome="ok"}') ?? 0) >= 1);
    assert.ok(
      (value(text, 'pdx_token_refreshes_total{vendor="pipedrive",outcome="ok"}') ?? 0) >= 1,
    );
    assert.equal(value(text, 'pdx_queue_jobs{state="failed"}'), 0);
    assert.equal(value(text, 'pdx_database_up'), 1);
    assert.notEqual(value(text, 'pdx_queue_oldest_due_seconds'), undefined);
  });

  it('without METRICS_TOKEN metrics are off; with the database gone, not ready (503)', async () => {
    const database = openDatabase(':memory:');
    const app = await createApp(
      loadConfig({ ...kit.env, METRICS_TOKEN: '', DATABASE_URL: ':memory:', PORT: '0' }),
      {
        logger: createLogger('silent'),
        database,
      },
    );
    try {
      const off = await app.http.inject({ url: '/metrics' });
      assert.equal(off.statusCode, 404);
      assert.equal(off.json().error.code, 'metrics_disabled');
      await database.close();
      const ready = await app.http.inject({ url: '/health/ready' });
      assert.equal(ready.statusCode, 503);
      assert.equal(ready.json().error.code, 'app_not_ready');
      assert.match(ready.json().error.message, /database: unreachable/);
      assert.equal((await app.http.inject({ url: '/health/live' })).statusCode, 200);
    } finally {
      await app.close();
    }
  });
});

describe('serve on SQLite, as a person at a terminal would run it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pdx-serve-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('logs pretty lines and a line per request, and stops on SIGTERM with exit 0', async () => {
    const child = startChildApp(['serve'], {
      PORT: '0',
      DATA_DIR: dir,
      DATABASE_URL: `sqlite:${join(dir, 'app.db')}`,
      LOG_FORMAT: 'pretty',
      LOG_LEVEL: 'info',
    });
    try {
      const listening = await child.waitFor((line) => line.text.includes('http: listening'));
      assert.equal(listening.json, null, 'a pretty line, not JSON');
      const address = /address: "(http:\/\/[^"]+)"/.exec(child.output())?.[1];
      assert.ok(address, child.output());
      assert.equal((await fetch(`${address}/`)).status, 200);
      await child.waitFor((line) => /http request/.test(line.text));
      await child.waitFor((line) => /route: "\/"$/.test(line.text));
    } catch (error) {
      await child.stop();
      throw error;
    }
    child.process.kill('SIGTERM');
    const code = await new Promise((resolve) => child.process.once('exit', resolve));
    assert.equal(code, 0, child.output());
    assert.match(child.output(), /shutdown: done/);
  });
});
