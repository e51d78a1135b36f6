import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import { createQueueEmitter } from '../../src/queue/events.js';
import type { JobQueue } from '../../src/queue/port.js';
import { upsertCompany } from '../../src/store/repos/companies.js';
import { listRunsForDeal, updateRun } from '../../src/store/repos/runs.js';
import {
  SAME_FIRING_MS,
  startTriggerRun,
  type TriggerFiring,
} from '../../src/sync/usecases/start-trigger-run.js';
import { createTestStore, testDialects, type TestStore } from '../support/each-dialect.js';

/**
 * One run per trigger firing, whoever reports it and in whatever order: a webhook (the event's time,
 * to the millisecond) and a catch-up (the API's whole seconds) racing, late and stale reports, and a
 * new firing while the first run still waits. The queue is a fake that keeps, per job key, the
 * last job enqueued under it (the port's 'replace' semantics), so it shows what would wait.
 */
const COMPANY = 7001;
const clock = { now: () => new Date('2026-03-02T10:00:00.000Z') };

function keyedQueue(): JobQueue & { waiting: Map<string, unknown>; turns: Map<string, number> } {
  const waiting = new Map<string, unknown>();
  const turns = new Map<string, number>();
  return {
    waiting,
    turns,
    events: createQueueEmitter(),
    async enqueue(_name, payload, options = {}) {
      const key = options.jobKey ?? String(waiting.size);
      waiting.set(key, payload);
      if (options.turn) turns.set(key, await options.turn());
    },
    async start() {},
    async stop() {},
    async jobState() {
      return 'waiting';
    },
  };
}

for (const dialect of testDialects()) {
  describe(`startTriggerRun (${dialect})`, () => {
    let store: TestStore;
    let dealId = 0;
    let queue: ReturnType<typeof keyedQueue>;
    before(async () => {
      store = await createTestStore(dialect);
      await upsertCompany(store.db, {
        id: COMPANY,
        domain: 'kauricoast',
        apiDomain: 'https://kauricoast.pipedrive.com',
        installedAt: new Date('2026-03-01T00:00:00Z'),
      });
    });
    after(() => store.destroy());
    beforeEach(() => {
      dealId += 1;
      queue = keyedQueue();
    });

    const deps = () => ({ db: store.db, clock, queue });
    const firing = (firedAt: string, source: TriggerFiring['source']): TriggerFiring => ({
      companyId: COMPANY,
      dealId,
      triggerKey: 'stage:1:4',
      kind: 'invoice',
      firedAt: new Date(firedAt),
      source,
    });
    const runs = () => listRunsForDeal(store.db, COMPANY, dealId);
    const waitingJobs = () => [...queue.waiting.values()] as { runId: string }[];

    it('a webhook and a catch-up reporting one firing at once make one run and one job', async () => {
      const [webhook, catchUp] = await Promise.all([
        startTriggerRun(deps(), firing('2026-03-02T09:00:00.724Z', 'webhook')),
        startTriggerRun(deps(), firing('2026-03-02T09:00:00Z', 'catch-up')),
      ]);
      assert.deepEqual([webhook.started, catchUp.started].sort(), [false, true]);
      assert.equal(webhook.run.id, catchUp.run.id);
      assert.equal((await runs()).length, 1);
      assert.deepEqual(
        waitingJobs().map((job) => job.runId),
        [webhook.run.id],
      );
    });

    it('a late or stale report of a firing joins its run, whatever the run became', async () => {
      const first = await startTriggerRun(deps(), firing('2026-03-02T09:00:00Z', 'catch-up'));
      await updateRun(store.db, COMPANY, first.run.id, { status: 'succeeded' }, clock.now());
      const late = await startTriggerRun(deps(), firing('2026-03-02T09:00:00.900Z', 'webhook'));
      const stale = await startTriggerRun(deps(), firing('2026-03-02T08:00:00Z', 'webhook'));
      for (const start of [late, stale]) {
        assert.equal(start.started, false);
        assert.equal(start.run.id, first.run.id);
      }
      assert.equal((await runs()).length, 1);
    });

    it('a report while the run still waits enqueues it again (after a crash), under its one key', async () => {
      const first = await startTriggerRun(deps(), firing('2026-03-02T09:00:00Z', 'webhook'));
      queue.waiting.clear();
      const again = await startTriggerRun(deps(), firing('2026-03-02T09:00:00Z', 'webhook'));
      assert.equal(again.run.id, first.run.id);
      assert.deepEqual(
        waitingJobs().map((job) => job.runId),
        [first.run.id],
      );
    });

    it('a new firing while a run of the trigger waits joins it; after it ended, it is a new run', async () => {
      const later = (ms: number) => new Date(Date.parse('2026-03-02T09:00:00Z') + ms).toISOString();
      const first = await startTriggerRun(deps(), firing(later(0), 'webhook'));
      const joined = await startTriggerRun(deps(), firing(later(10 * SAME_FIRING_MS), 'webhook'));
      assert.equal(joined.started, false);
      assert.equal(joined.run.id, first.run.id);
      await updateRun(store.db, COMPANY, first.run.id, { status: 'succeeded' }, clock.now());
      const reentered = await startTriggerRun(
        deps(),
        firing(later(20 * SAME_FIRING_MS), 'catch-up'),
      );
      assert.equal(reentered.started, true);
      assert.equal((await runs()).length, 2);
    });

    it("a run's turn is its company's runs queued before it: ended runs and other companies' do not count", async () => {
      const company = COMPANY + 1;
      await upsertCompany(store.db, {
        id: company,
        domain: 'tasmanbay',
        apiDomain: 'https://tasmanbay.pipedrive.com',
        installedAt: new Date('2026-03-01T00:00:00Z'),
      });
      let now = Date.parse('2026-03-02T10:00:00Z');
      const ticking = { db: store.db, queue, clock: { now: () => new Date((now += 10)) } };
      const fire = (deal: number, companyId = company) =>
        startTriggerRun(ticking, {
          ...firing('2026-03-02T09:00:00Z', 'webhook'),
          companyId,
          dealId: deal,
        });
      const first = await fire(1);
      await fire(2);
      await fire(3, COMPANY);
      await updateRun(store.db, company, first.run.id, { status: 'succeeded' }, new Date(now));
      await fire(4);
      const turns = [...queue.turns].filter(([key]) => key.startsWith(`${company}:`));
      assert.deepEqual(Object.fromEntries(turns), {
        [`${company}:1:stage:1:4`]: 0,
        [`${company}:2:stage:1:4`]: 1,
        [`${company}:4:stage:1:4`]: 1,
      });
    });
  });
}
