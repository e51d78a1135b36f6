import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import pg from 'pg';

import { getUsage, usageMonth } from '../../src/store/repos/usage.js';
import { type AppKit, COMPANY, SALES, startAppKit } from '../support/app-kit.js';
import { type ChildApp, startChildApp } from '../support/child-app.js';
import { createTestDatabase, type TestDatabase } from '../support/each-dialect.js';

/**
 * Scale-out mode (graphile-worker): a `worker` process killed with SIGKILL while Xero holds its
 * PUT /Invoices leaves the job locked by its pool. Another worker frees it once the dead one's
 * heartbeat is QUEUE_LEASE_MS old (not after graphile's own 4 hours) and finishes it: one invoice,
 * usage counted once. A worker stopped with SIGTERM mid-job exits 0 without waiting for Xero, and
 * its job is finished by another worker too.
 */
const LEASE_MS = 3_000;

describe(
  'app on PostgreSQL: workers killed or stopped mid-job',
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

    const worker = async () => {
      const child = startChildApp(['worker'], {
        ...kit.env,
        LOG_LEVEL: 'info',
        QUEUE_LEASE_MS: String(LEASE_MS),
      });
      children.push(child);
      await child.waitFor((line) => line.json?.msg === 'worker: taking jobs');
      return child;
    };

    /** Moves the deal and resolves once Xero holds the worker's PUT /Invoices unanswered. */
    async function moveWhileXeroHolds(dealId: number): Promise<void> {
      await kit.control('xero', 'POST', '/__sandbox/faults', {
        kind: 'timeout',
        method: 'PUT',
        path: '/api.xro/2.0/Invoices',
        times: 1,
        holdMs: 60_000,
      });
      await kit.moveDeal(dealId, SALES.won);
      const faults = kit.sandboxes.xero.sandbox.faults;
      while (faults.list().length > 0) await new Promise((resolve) => setImmediate(resolve));
    }

    async function lockedJobs(): Promise<number> {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        const result = await client.query(
          'select count(*)::int as n from graphile_worker.jobs where locked_by is not null',
        );
        return result.rows[0].n;
      } finally {
        await client.end();
      }
    }

    function exitCode(child: ChildApp, timeoutMs: number): Promise<number | null> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no exit in ${timeoutMs} ms`)), timeoutMs);
        child.process.once('exit', (code) => {
          clearTimeout(timer);
          resolve(code);
        });
      });
    }

    /** The worker's log line of a finished document job (its catch-up check succeeds too). */
    const documentJobDone = (line: { json?: any }) =>
      line.json?.msg === 'job succeeded' && line.json?.job === 'document-for-deal';

    const invoicesOf = async (dealId: number) =>
      (await kit.documents()).invoices.filter((invoice) =>
        invoice.Reference?.startsWith(`Pipedrive deal ${dealId}:`),
      );

    it('kill -9: another worker takes the job over after the lease; one invoice', async (t) => {
      const first = await worker();
      await moveWhileXeroHolds(1);
      const second = await worker();
      const killedAt = Date.now();
      await first.kill9();
      assert.equal(await lockedJobs(), 1, 'the dead worker still holds the job');

      const done = await second.waitFor(documentJobDone, 30_000);
      const freed = await second.waitFor(
        (line) => line.json?.msg === 'job queue: freed the jobs of dead workers',
      );
      t.diagnostic(
        `kill -9 → freed by another worker: ${freed.json.time - killedAt} ms, ` +
          `→ job done: ${done.json.time - killedAt} ms (QUEUE_LEASE_MS ${LEASE_MS})`,
      );

      const invoices = await invoicesOf(1);
      assert.equal(invoices.length, 1);
      assert.equal(invoices[0]?.Status, 'DRAFT');
      assert.equal(await getUsage(kit.app.db, COMPANY, usageMonth(new Date())), 1);
      assert.equal((await kit.notes(1)).length, 1, 'one note, from the run that finished');
      await second.stop();
    });

    it('SIGTERM mid-job: the worker exits 0 without waiting for Xero; the job is finished elsewhere', async (t) => {
      const stopping = await worker();
      await moveWhileXeroHolds(2);
      const next = await worker();
      const stoppedAt = Date.now();
      stopping.process.kill('SIGTERM');
      // Bounded well below Xero's hold and the client's own 30 s timeout.
      const code = await exitCode(stopping, 20_000);
      t.diagnostic(`SIGTERM → exit ${code}: ${Date.now() - stoppedAt} ms`);
      assert.equal(code, 0);
      assert.match(stopping.output(), /shutdown: done/);

      await next.waitFor(documentJobDone, 60_000);
      assert.equal((await invoicesOf(2)).length, 1);
    });
  },
);
