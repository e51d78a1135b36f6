import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { statusReport } from '../../src/services/status-report.js';
import { listRunsForDeal } from '../../src/store/repos/runs.js';
import { type AppKit, COMPANY, SALES, startAppKit } from '../support/app-kit.js';
import { createTestDatabase, type TestDatabase } from '../support/each-dialect.js';

/** Scale-out mode: the same flow on PostgreSQL with graphile-worker as the queue. */
describe(
  'app on PostgreSQL (graphile-worker)',
  { skip: !process.env['TEST_DATABASE_URL'] && 'TEST_DATABASE_URL is not set' },
  () => {
    let database: TestDatabase;
    let kit: AppKit;
    before(async () => {
      database = await createTestDatabase('postgres');
      kit = await startAppKit({ databaseUrl: database.url });
    });
    after(async () => {
      await kit.close();
      await database.drop();
    });

    it('a deal entering "Won", delivered three times, becomes one draft invoice', async () => {
      await kit.control('pipedrive', 'POST', '/__sandbox/pipedrive/webhooks/knobs', {
        duplicates: 3,
      });
      const done = kit.next(
        'job:success',
        (info) => (info.payload as { dealId: number }).dealId === 1,
      );
      await kit.moveDeal(1, SALES.won);
      await done;

      const { invoices } = await kit.documents();
      assert.equal(invoices.length, 1);
      assert.equal(invoices[0]?.Status, 'DRAFT');
      const runs = await listRunsForDeal(kit.app.db, COMPANY, 1);
      assert.deepEqual(
        runs.map((run) => run.status),
        ['succeeded'],
      );
      assert.equal((await kit.notes(1)).length, 1);
      const report = await statusReport(kit.app.db, { companyId: COMPANY });
      assert.equal(report.queue.failed, 0);
      // Counted for the company only: its next catch-up is scheduled; another company has none.
      assert.equal(report.queue.scheduled, 1);
      const other = await statusReport(kit.app.db, { companyId: COMPANY + 1 });
      assert.deepEqual(other.queue, { pending: 0, scheduled: 0, running: 0, failed: 0 });
    });
  },
);
