import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { enqueueDocumentRun } from '../../src/sync/usecases/start-trigger-run.js';
import { type AppKit, COMPANY, SALES, startAppKit } from '../support/app-kit.js';
import { createTestDatabase, type TestDatabase, testDialects } from '../support/each-dialect.js';
import { pollFor } from '../support/poll.js';

/**
 * A run's job fails after taking the run (Xero answers 503) and waits for its retry; meanwhile its
 * trigger is enqueued again (a duplicate webhook read the run as `queued` just before the job took
 * it). Re-adding a job under a key a waiting job holds resets that job's attempts (graphile's
 * job_key 'replace' mode; the embedded queue does the same), so its retry comes as a first
 * delivery. Told apart by delivery number, it passed for a duplicate job and left the run
 * `running` for good (the fault campaign's stalled runs); told apart by the job's id (migration
 * 0011), it finishes the run.
 */
for (const dialect of testDialects()) {
  describe(`app: a job's retry after its trigger was enqueued again (${dialect})`, () => {
    let kit: AppKit;
    let database: TestDatabase | undefined;
    before(async () => {
      database = dialect === 'postgres' ? await createTestDatabase('postgres') : undefined;
      kit = await startAppKit(database === undefined ? {} : { databaseUrl: database.url });
    });
    after(async () => {
      await kit.close();
      await database?.drop();
    });

    it('finishes the run with one invoice', async () => {
      await kit.control('xero', 'POST', '/__sandbox/faults', {
        kind: '503',
        method: 'PUT',
        path: '/api.xro/2.0/Invoices',
        times: 1,
      });
      const retry = kit.next('job:retry', (info) => (info.payload as any).dealId === 1);
      await kit.moveDeal(1, SALES.won);
      const [failed] = await retry;
      const payload = failed.payload as { runId: string; dealId: number; triggerKey: string };
      const run = () =>
        kit.app.db
          .selectFrom('runs')
          .selectAll()
          .where('id', '=', payload.runId)
          .executeTakeFirst();
      assert.equal((await run())?.status, 'running', 'the failed attempt left its run running');

      const done = kit.next('job:success', (info) => (info.payload as any).dealId === 1);
      await enqueueDocumentRun(kit.app.queue, { companyId: COMPANY, ...payload });
      const [info] = await done;
      assert.equal(info.attempt, 1, 'the retry came as a first delivery');

      assert.equal((await run())?.status, 'succeeded');
      assert.equal((await kit.documents()).invoices.length, 1);
      assert.equal((await kit.notes(1)).length, 1);
    });

    // graphile's add_job spends the attempts of a running job whose key is added again and adds a
    // new job: the new one found the run running under the old one and left it, the old one failed
    // and was never retried, and the run stayed `running` (1 of 1,000 deals in the PostgreSQL
    // campaign). The new job now looks again while the old one runs, then takes the run over.
    it('finishes the run when its trigger is enqueued again while its job runs', async () => {
      await kit.control('xero', 'POST', '/__sandbox/faults', {
        kind: 'timeout',
        method: 'PUT',
        path: '/api.xro/2.0/Invoices',
        holdMs: 1_500,
        times: 1,
      });
      await kit.moveDeal(2, SALES.won);
      const running = await pollFor(
        () =>
          kit.app.db
            .selectFrom('runs')
            .selectAll()
            .where('deal_id', '=', 2)
            .where('status', '=', 'running')
            .executeTakeFirst(),
        { what: 'the run to start' },
      );
      await enqueueDocumentRun(kit.app.queue, {
        companyId: COMPANY,
        dealId: 2,
        triggerKey: running.trigger_key ?? assert.fail('a trigger run has a key'),
        runId: running.id,
      });
      const ended = await pollFor(
        () =>
          kit.app.db
            .selectFrom('runs')
            .selectAll()
            .where('id', '=', running.id)
            .where('status', '!=', 'running')
            .executeTakeFirst(),
        // The new job's retries back off.
        { timeoutMs: 20_000, what: 'the run to end' },
      );
      assert.equal(ended.status, 'succeeded');
      const invoices = (await kit.documents()).invoices.filter((invoice) =>
        String(invoice.Reference).includes('[PD-2-'),
      );
      assert.equal(invoices.length, 1);
      await kit.notesDelivered(2);
      assert.equal((await kit.notes(2)).length, 1);
    });
  });
}
