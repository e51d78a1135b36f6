import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import pg from 'pg';

import { type AppKit, COMPANY, SALES, startAppKit } from '../support/app-kit.js';
import { type ChildApp, startChildApp } from '../support/child-app.js';
import { createTestDatabase, type TestDatabase } from '../support/each-dialect.js';

/**
 * Scale-out mode against a PostgreSQL that drops the app's connections and then refuses new ones
 * for a while. `serve` and `worker` run as child processes; the Pipedrive sandbox delivers webhooks
 * to `serve`. Both processes stay up: requests caught by the outage answer 503 `store_unavailable`
 * with Retry-After (so Pipedrive delivers again), jobs caught by it run again, and deals moved
 * during and after the outage become documents.
 */
describe(
  'app on PostgreSQL: connections terminated, database unavailable',
  { skip: !process.env['TEST_DATABASE_URL'] && 'TEST_DATABASE_URL is not set' },
  () => {
    let database: TestDatabase;
    let kit: AppKit;
    let serve: ChildApp;
    let worker: ChildApp;
    let serveUrl: string;
    let admin: pg.Client;
    const name = () => new URL(database.url).pathname.slice(1);

    before(async () => {
      database = await createTestDatabase('postgres');
      kit = await startAppKit({ databaseUrl: database.url, worker: false });
      const env = { ...kit.env, LOG_LEVEL: 'info', PORT: '0' };
      serve = startChildApp(['serve'], env);
      worker = startChildApp(['worker'], env);
      serveUrl = (await serve.waitFor((line) => line.json?.msg === 'http: listening')).json.address;
      await worker.waitFor((line) => line.json?.msg === 'worker: taking jobs');
      // Pipedrive delivers to `serve` from now on.
      for (const webhook of kit.sandboxes.pipedrive.sandbox.webhooks.registry.ofCompany(COMPANY)) {
        webhook.subscriptionUrl = webhook.subscriptionUrl.replace(kit.appUrl, serveUrl);
      }
      admin = new pg.Client({ connectionString: process.env['TEST_DATABASE_URL'] });
      await admin.connect();
    });
    after(async () => {
      await admin.query(`alter database "${name()}" allow_connections true`);
      await admin.end();
      await Promise.all([serve.stop(), worker.stop()]);
      await kit.close();
      await database.drop();
    });

    /** pg_terminate_backend on every connection to the app's database (this client's is elsewhere). */
    async function terminateConnections(): Promise<number> {
      const result = await admin.query(
        `select pg_terminate_backend(pid) from pg_stat_activity
          where datname = $1 and pid <> pg_backend_pid()`,
        [name()],
      );
      return result.rowCount ?? 0;
    }

    async function waitUntil(what: string, check: () => Promise<boolean>): Promise<void> {
      for (let tries = 0; !(await check()); tries += 1) {
        if (tries > 300) throw new Error(`gave up waiting until ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }

    const jobDone = (child: ChildApp, dealId: number) =>
      child.waitFor(
        (line) => line.json?.msg === 'job succeeded' && line.json.payload?.dealId === dealId,
        60_000,
      );

    const invoicesOf = async (dealId: number) =>
      (await kit.documents()).invoices.filter((invoice) =>
        invoice.Reference?.startsWith(`Pipedrive deal ${dealId}:`),
      );

    const alive = (child: ChildApp) =>
      child.process.exitCode === null && child.process.signalCode === null;

    it('survives connections terminated mid-transaction in both processes', async () => {
      // The next Xero call refreshes the token, holding the connection's row lock (a transaction)
      // while Xero holds the refresh unanswered.
      await kit.app.db
        .updateTable('xero_connections')
        .set({ access_expires_at: '2000-01-01T00:00:00.000Z' })
        .where('company_id', '=', COMPANY)
        .execute();
      await kit.control('xero', 'POST', '/__sandbox/faults', {
        kind: 'timeout',
        method: 'POST',
        path: '/connect/token',
        times: 1,
        holdMs: 5_000,
      });
      await kit.moveDeal(1, SALES.won);
      const faults = kit.sandboxes.xero.sandbox.faults;
      await waitUntil('the worker refreshes the token', async () => faults.list().length === 0);
      // serve's settings check waits for the same row lock, inside its own transaction.
      const saving = fetch(`${serveUrl}/api/companies/${COMPANY}/settings`, {
        method: 'PUT',
        headers: { ...kit.auth, 'content-type': 'application/json' },
        body: JSON.stringify({
          triggers: { rules: [{ pipelineId: 1, stageId: SALES.won, document: 'invoice' }] },
        }),
      });
      await waitUntil('serve waits for the lock', async () => {
        const { rows } = await admin.query(
          `select count(*)::int as n from pg_stat_activity
            where datname = $1 and wait_event_type = 'Lock'`,
          [name()],
        );
        return rows[0].n > 0;
      });

      assert.ok((await terminateConnections()) > 0);

      const refused = await saving;
      assert.equal(refused.status, 503);
      assert.equal(refused.headers.get('retry-after'), '5');
      assert.equal(((await refused.json()) as any).error.code, 'store_unavailable');
      await jobDone(worker, 1);
      assert.equal((await invoicesOf(1)).length, 1);
      assert.ok(alive(serve) && alive(worker), 'both processes are up');
    });

    it('answers 503 with Retry-After while the database refuses connections, then catches up', async () => {
      await admin.query(`alter database "${name()}" allow_connections false`);
      await terminateConnections();

      const webhook = await fetch(`${serveUrl}/webhooks/pipedrive/${COMPANY}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      assert.equal(webhook.status, 503);
      assert.equal(webhook.headers.get('retry-after'), '5');
      assert.equal(((await webhook.json()) as any).error.code, 'store_unavailable');
      // A deal moved now: Pipedrive's first delivery is refused, so it will deliver again.
      await kit.moveDeal(2, SALES.won);
      const { deliveries } = await kit.control(
        'pipedrive',
        'GET',
        '/__sandbox/pipedrive/webhooks/deliveries',
      );
      assert.deepEqual(
        deliveries
          .filter((delivery: any) => delivery.payload.data.id === 2)
          .map((d: any) => d.status),
        [503],
      );

      await admin.query(`alter database "${name()}" allow_connections true`);
      // Pipedrive's retry, 3 s later on the sandbox's clock.
      await kit.control('pipedrive', 'POST', '/__sandbox/clock', { advanceMs: 3_000 });
      await kit.flushWebhooks();
      await jobDone(worker, 2);
      await kit.moveDeal(5, SALES.won);
      await jobDone(worker, 5);

      assert.equal((await invoicesOf(2)).length, 1);
      assert.equal((await invoicesOf(5)).length, 1);
      assert.ok(alive(serve) && alive(worker), 'both processes are up');
    });
  },
);
