import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { sql } from 'kysely';

import { type App, createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import type { JobInfo } from '../../src/queue/events.js';
import { listRunsForDeal } from '../../src/store/repos/runs.js';
import { type AppKit, COMPANY, SALES, startAppKit } from '../support/app-kit.js';
import { createTestDatabase, type TestDatabase } from '../support/each-dialect.js';

/**
 * Scale-out: two worker processes' worth of app on one PostgreSQL store (graphile-worker), checking
 * every second. The chain of checks stays one job (its job key), a deleted webhook is made again
 * once, and the stage change it missed gets one document.
 */
describe(
  'catch-up on PostgreSQL with two workers',
  { skip: !process.env['TEST_DATABASE_URL'] && 'TEST_DATABASE_URL is not set' },
  () => {
    let database: TestDatabase;
    let kit: AppKit;
    let second: App;
    before(async () => {
      database = await createTestDatabase('postgres');
      kit = await startAppKit({
        databaseUrl: database.url,
        env: { CATCH_UP_INTERVAL_MS: '1000' },
      });
      second = await createApp(loadConfig({ ...kit.env, PORT: '0' }), {
        logger: createLogger('silent'),
        pollIntervalMs: 200,
      });
      await second.startWorker();
    });
    after(async () => {
      await second.close();
      await kit.close();
      await database.drop();
    });

    /** Resolves after `count` successes of matching jobs, in either worker. */
    const successes = (count: number, accept: (info: JobInfo) => boolean) =>
      new Promise<void>((resolve, reject) => {
        let seen = 0;
        const queues = [kit.app.queue, second.queue];
        const timer = setTimeout(() => reject(new Error(`${seen} of ${count} jobs`)), 30_000);
        const listener = (info: JobInfo) => {
          if (!accept(info) || ++seen < count) return;
          clearTimeout(timer);
          for (const queue of queues) queue.events.off('job:success', listener);
          resolve();
        };
        for (const queue of queues) queue.events.on('job:success', listener);
      });

    it('makes the deleted webhook again once and catches up the missed stage change', async () => {
      const { webhooks } = await kit.control('pipedrive', 'GET', '/__sandbox/pipedrive/webhooks');
      const client = await kit.app.connections.pipedriveFor(COMPANY);
      await client.deleteWebhook(webhooks[0].id);
      const documented = successes(1, (info) => info.name === 'document-for-deal');
      // Pipedrive's times have whole seconds: its clock a little ahead keeps the move after the install.
      kit.advance(2_000);
      await kit.moveDeal(1, SALES.won);
      await documented;
      await successes(3, (info) => info.name === 'catch-up');

      const after = await kit.control('pipedrive', 'GET', '/__sandbox/pipedrive/webhooks');
      assert.equal(after.webhooks.length, 1, JSON.stringify(after.webhooks));
      assert.equal(after.webhooks[0].is_active, 1);
      assert.equal((await listRunsForDeal(kit.app.db, COMPANY, 1)).length, 1);
      const { invoices } = await kit.documents();
      assert.equal(invoices.length, 1);
      const { rows } = await sql<{ n: string }>`
        select count(*) as n from graphile_worker.jobs
        where task_identifier = 'catch-up' and key = ${`catch-up:${COMPANY}`}`.execute(kit.app.db);
      assert.equal(Number(rows[0]?.n), 1, 'one waiting check per company');
    });
  },
);
