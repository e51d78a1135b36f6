import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { type AppKit, SALES, startAppKit } from '../support/app-kit.js';
import { type ChildApp, startChildApp } from '../support/child-app.js';
import { createTestDatabase, type TestDatabase } from '../support/each-dialect.js';

const METRICS_TOKEN = 'metrics-token-for-the-worker-ops-test';

/**
 * Scale-out mode: a `worker` process with OPS_PORT serves its own health and metrics (issue 14),
 * so the counters of the jobs it runs reach Prometheus and an orchestrator can probe it; only
 * those three routes, under the same METRICS_TOKEN rule as the app's server.
 */
describe(
  'app on PostgreSQL: a worker serves health and metrics on OPS_PORT',
  { skip: !process.env['TEST_DATABASE_URL'] && 'TEST_DATABASE_URL is not set' },
  () => {
    let database: TestDatabase;
    let kit: AppKit;
    const children: ChildApp[] = [];
    before(async () => {
      database = await createTestDatabase('postgres');
      kit = await startAppKit({ databaseUrl: database.url, worker: false });
    });
    after(async () => {
      await Promise.all(children.map((child) => child.stop()));
      await kit.close();
      await database.drop();
    });

    /** A worker with a free OPS_PORT; the URL its ops listener answers on, once it takes jobs. */
    async function worker(env: Record<string, string>): Promise<{ child: ChildApp; url: string }> {
      const child = startChildApp(['worker'], {
        ...kit.env,
        LOG_LEVEL: 'info',
        HOST: '127.0.0.1',
        OPS_PORT: '0',
        ...env,
      });
      children.push(child);
      const listening = await child.waitFor((line) => line.json?.msg === 'ops: listening');
      await child.waitFor((line) => line.json?.msg === 'worker: taking jobs');
      return { child, url: listening.json.address as string };
    }
    const value = (text: string, series: string) => {
      const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
      return line === undefined ? undefined : Number(line.slice(series.length + 1));
    };

    it('answers ready, and its metrics count the vendor calls of the jobs it ran', async () => {
      const { child, url } = await worker({ METRICS_TOKEN });
      assert.equal((await fetch(`${url}/health/live`)).status, 200);
      const ready = await fetch(`${url}/health/ready`);
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

      await kit.moveDeal(1, SALES.won);
      await child.waitFor(
        (line) => line.json?.msg === 'job succeeded' && line.json?.job === 'document-for-deal',
      );
      const metrics = await fetch(`${url}/metrics`, {
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      });
      assert.equal(metrics.status, 200);
      const text = await metrics.text();
      assert.ok(
        (value(text, 'pdx_vendor_calls_total{vendor="xero",status="200"}') ?? 0) >= 1,
        text,
      );
      assert.ok((value(text, 'pdx_vendor_calls_total{vendor="pipedrive",status="200"}') ?? 0) >= 1);
      assert.equal(value(text, 'pdx_runs{status="succeeded"}'), 1);

      const without = await fetch(`${url}/metrics`);
      assert.equal(without.status, 401);
      // Only the probes and the metrics: not the app's routes, not the old /health.
      for (const path of ['/health', '/webhooks/xero', '/']) {
        const other = await fetch(`${url}${path}`);
        assert.equal(other.status, 404, path);
        assert.equal(((await other.json()) as any).error.code, 'route_not_found', path);
      }
    });

    it('without METRICS_TOKEN its metrics are off (404), its probes still answer', async () => {
      const { url } = await worker({ METRICS_TOKEN: '' });
      const off = await fetch(`${url}/metrics`);
      assert.equal(off.status, 404);
      assert.equal(((await off.json()) as any).error.code, 'metrics_disabled');
      assert.equal((await fetch(`${url}/health/ready`)).status, 200);
    });
  },
);
