import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';

import { AppError } from '../../src/errors.js';
import { createEmbeddedQueue, type EmbeddedQueueOptions } from '../../src/queue/embedded.js';
import { nextEvent } from '../../src/queue/events.js';
import type { JobPayloads } from '../../src/queue/jobs.js';
import { JobDeferred, type JobQueue } from '../../src/queue/port.js';
import { createTestStore, testDialects, type TestStore } from '../support/each-dialect.js';
import { pollFor } from '../support/poll.js';
import {
  documentHandlers,
  documentJob,
  permanentError,
  TransientError,
} from '../support/queue-kit.js';

type DocumentPayload = JobPayloads['document-for-deal'];

for (const dialect of testDialects()) {
  describe(`embedded queue (${dialect})`, () => {
    let store: TestStore;
    const queues: JobQueue[] = [];
    before(async () => {
      store = await createTestStore(dialect);
    });
    // Queues share the jobs table: each test's queue stops before the next test starts.
    afterEach(async () => {
      await Promise.all(queues.splice(0).map((queue) => queue.stop()));
    });
    after(() => store.destroy());

    function makeQueue(options: Partial<EmbeddedQueueOptions> = {}): JobQueue {
      const queue = createEmbeddedQueue({
        db: store.db,
        pollIntervalMs: 50,
        backoff: { baseMs: 20, maxMs: 1_000 },
        random: () => 0.5,
        ...options,
      });
      queues.push(queue);
      return queue;
    }

    const jobRow = (id: string) =>
      store.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();

    it('runs a job with its payload and removes it when done', async () => {
      const queue = makeQueue();
      const seen: DocumentPayload[] = [];
      await queue.start(
        documentHandlers(async (payload) => void seen.push(payload)),
        {
          concurrency: 1,
        },
      );
      const done = nextEvent(queue.events, 'job:success');
      await queue.enqueue('document-for-deal', documentJob(1));
      const [info] = await done;
      assert.deepEqual(seen, [documentJob(1)]);
      assert.equal(info.attempt, 1);
      assert.equal(await jobRow(info.id), undefined);
    });

    it('retries a retryable failure with exponential backoff, then succeeds', async () => {
      const queue = makeQueue();
      let calls = 0;
      const retries: number[] = [];
      queue.events.on('job:retry', (info) => retries.push(info.delayMs));
      const done = nextEvent(queue.events, 'job:success');
      await queue.enqueue('document-for-deal', documentJob(2));
      await queue.start(
        documentHandlers(async () => {
          calls += 1;
          if (calls < 3) throw new TransientError();
        }),
        { concurrency: 1 },
      );
      const [info] = await done;
      assert.equal(info.attempt, 3);
      assert.equal(calls, 3);
      // base 20 ms doubling, equal jitter pinned at 0.5: 10 + 5, then 20 + 10.
      assert.deepEqual(retries, [15, 30]);
    });

    it("waits the error's retryAfterMs before the next attempt", async () => {
      const queue = makeQueue();
      let calls = 0;
      await queue.start(
        documentHandlers(async () => {
          calls += 1;
          if (calls === 1) throw new TransientError(250);
        }),
        { concurrency: 1 },
      );
      const retried = nextEvent(queue.events, 'job:retry');
      const done = nextEvent(queue.events, 'job:success');
      await queue.enqueue('document-for-deal', documentJob(3));
      const [retry] = await retried;
      assert.equal(retry.delayMs, 250);
      const row = await jobRow(retry.id);
      assert.equal(row?.status, 'pending');
      assert.equal(Date.parse(row!.run_at) - Date.parse(row!.updated_at), 250);
      assert.match(row?.last_error ?? '', /^xero_unavailable: /);
      await done;
    });

    it('puts a deferred job back until the time asked for, the attempt not counted', async () => {
      const queue = makeQueue();
      const starts: number[] = [];
      const deferrals: { attempt: number; untilMs: number }[] = [];
      queue.events.on('job:deferred', ({ attempt, untilMs }) =>
        deferrals.push({ attempt, untilMs }),
      );
      queue.events.on('job:retry', () => assert.fail('a deferral is no retry'));
      await queue.start(
        documentHandlers(async () => {
          starts.push(Date.now());
          // More deferrals than attempts allowed: none of them counts.
          if (starts.length <= 3) throw new JobDeferred(Date.now() + 150);
        }),
        { concurrency: 1 },
      );
      const deferred = nextEvent(queue.events, 'job:deferred');
      const done = nextEvent(queue.events, 'job:success');
      await queue.enqueue('document-for-deal', documentJob(30), { maxAttempts: 2 });
      const [first] = await deferred;
      const row = await jobRow(first.id);
      assert.equal(row?.status, 'pending');
      assert.equal(row?.attempts, 0);
      assert.equal(row?.locked_by, null);
      assert.equal(Date.parse(row!.run_at), first.untilMs);
      assert.equal(row?.last_error, null);
      const [info] = await done;
      assert.equal(info.attempt, 1);
      assert.deepEqual(
        deferrals.map(({ attempt }) => attempt),
        [1, 1, 1],
      );
      for (let i = 1; i < starts.length; i++)
        assert.ok(
          starts[i]! - starts[i - 1]! >= 140,
          `ran again after ${starts[i]! - starts[i - 1]!} ms`,
        );
    });

    it('fails a job for good on a non-retryable error', async () => {
      const queue = makeQueue();
      let calls = 0;
      await queue.start(
        documentHandlers(async () => {
          calls += 1;
          throw permanentError();
        }),
        { concurrency: 1 },
      );
      const failed = nextEvent(queue.events, 'job:failure');
      await queue.enqueue('document-for-deal', documentJob(4));
      const [failure] = await failed;
      assert.equal(failure.reason, 'non_retryable');
      assert.equal(failure.attempt, 1);
      await nextEvent(queue.events, 'queue:idle');
      assert.equal(calls, 1);
      const row = await jobRow(failure.id);
      assert.equal(row?.status, 'failed');
      assert.equal(row?.last_error, 'xero_validation_failed: Contact name is required');
    });

    it('fails a job when its attempts run out', async () => {
      const queue = makeQueue();
      await queue.start(
        documentHandlers(async () => {
          throw new Error('socket hang up');
        }),
        { concurrency: 1 },
      );
      const failed = nextEvent(queue.events, 'job:failure');
      await queue.enqueue('document-for-deal', documentJob(5), { maxAttempts: 2 });
      const [failure] = await failed;
      assert.equal(failure.reason, 'attempts_exhausted');
      assert.equal(failure.attempt, 2);
      assert.equal((await jobRow(failure.id))?.status, 'failed');
    });

    it('dedupes by jobKey: a waiting job is replaced, not repeated', async () => {
      const queue = makeQueue();
      const seen: number[] = [];
      for (const runId of ['run-a', 'run-b', 'run-c']) {
        await queue.enqueue(
          'document-for-deal',
          { ...documentJob(6), runId },
          { jobKey: 'deal-6' },
        );
      }
      const rows = await store.db
        .selectFrom('jobs')
        .select('id')
        .where('job_key', '=', 'deal-6')
        .execute();
      assert.equal(rows.length, 1);
      await queue.start(
        documentHandlers(async (payload) => void seen.push(Number(payload.runId === 'run-c'))),
        { concurrency: 1 },
      );
      await nextEvent(queue.events, 'job:success');
      await nextEvent(queue.events, 'queue:idle');
      assert.deepEqual(seen, [1], 'only the latest payload ran, once');
    });

    it('adds a second job when the keyed job is already running', async () => {
      const queue = makeQueue();
      const runIds: string[] = [];
      let release!: () => void;
      const blocked = new Promise<void>((resolve) => (release = resolve));
      await queue.start(
        documentHandlers(async (payload) => {
          runIds.push(payload.runId);
          if (payload.runId === 'first') await blocked;
        }),
        { concurrency: 1 },
      );
      const started = nextEvent(queue.events, 'job:start');
      await queue.enqueue(
        'document-for-deal',
        { ...documentJob(7), runId: 'first' },
        { jobKey: 'deal-7' },
      );
      await started;
      await queue.enqueue(
        'document-for-deal',
        { ...documentJob(7), runId: 'second' },
        { jobKey: 'deal-7' },
      );
      const second = nextEvent(
        queue.events,
        'job:success',
        (info) => info.attempt === 1 && (info.payload as DocumentPayload).runId === 'second',
      );
      release();
      await second;
      assert.deepEqual(runIds, ['first', 'second']);
    });

    it('runs up to `concurrency` jobs at once', async () => {
      const queue = makeQueue();
      let active = 0;
      let peak = 0;
      let releaseAll!: () => void;
      const gate = new Promise<void>((resolve) => (releaseAll = resolve));
      let reachedTwo!: () => void;
      const twoRunning = new Promise<void>((resolve) => (reachedTwo = resolve));
      let succeeded = 0;
      const allDone = new Promise<void>((resolve) =>
        queue.events.on('job:success', () => ++succeeded === 4 && resolve()),
      );
      for (const dealId of [11, 12, 13, 14]) {
        await queue.enqueue('document-for-deal', documentJob(dealId));
      }
      await queue.start(
        documentHandlers(async () => {
          active += 1;
          peak = Math.max(peak, active);
          if (active === 2) reachedTwo();
          await gate;
          active -= 1;
        }),
        { concurrency: 2 },
      );
      await twoRunning;
      const leased = await store.db
        .selectFrom('jobs')
        .select('id')
        .where('status', '=', 'running')
        .execute();
      assert.equal(leased.length, 2);
      releaseAll();
      await allDone;
      assert.equal(peak, 2);
    });

    it('claims in turn by company: another company goes before a backlog beyond its share, and a slot no one else wants goes to the backlog', async () => {
      const queue = makeQueue();
      const order: string[] = [];
      const release: (() => void)[] = [];
      // Company 1's jobs hold their slots until released; company 2's ends at once.
      const handlers = documentHandlers(async (payload) => {
        order.push(`${payload.companyId}:${payload.dealId}`);
        if (payload.companyId === 1) await new Promise<void>((resolve) => release.push(resolve));
      });
      for (const dealId of [31, 32, 33, 34])
        await queue.enqueue('document-for-deal', documentJob(dealId));
      await queue.enqueue('document-for-deal', { ...documentJob(35), companyId: 2 });
      const otherDone = new Promise<void>((resolve) =>
        queue.events.on('job:success', (info) => {
          if ((info.payload as DocumentPayload).companyId === 2) resolve();
        }),
      );
      await queue.start(handlers, { concurrency: 3, companyShare: 2 });
      await otherDone;
      assert.deepEqual(order.slice(0, 3), ['1:31', '1:32', '2:35'], 'company 2 before 33');
      await pollFor(() => (order.length === 4 ? true : undefined), {
        what: 'company 1 takes the freed slot',
      });
      assert.equal(order[3], '1:33', 'taken while 31 and 32 still run');
      const finished = nextEvent(queue.events, 'queue:idle');
      const releaseAll = setInterval(() => release.splice(0).forEach((resolve) => resolve()), 10);
      await finished;
      clearInterval(releaseAll);
      assert.equal(order[4], '1:34');
    });

    it('refuses a payload that breaks the job contract', async () => {
      const queue = makeQueue();
      await assert.rejects(
        queue.enqueue('document-for-deal', { companyId: 1, dealId: -1 } as DocumentPayload),
        (error: unknown) => error instanceof AppError && error.code === 'job_payload_invalid',
      );
    });

    it('stop() waits for the running job to finish', async () => {
      const queue = makeQueue();
      let finished = false;
      await queue.start(
        documentHandlers(async () => {
          await new Promise((resolve) => setTimeout(resolve, 50));
          finished = true;
        }),
        { concurrency: 1 },
      );
      const started = nextEvent(queue.events, 'job:start');
      await queue.enqueue('document-for-deal', documentJob(20));
      const [info] = await started;
      await queue.stop();
      assert.equal(finished, true);
      assert.equal(await jobRow(info.id), undefined);
    });
  });
}
