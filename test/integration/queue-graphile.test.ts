import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';

import pg from 'pg';

import { nextEvent } from '../../src/queue/events.js';
import { createGraphileQueue } from '../../src/queue/graphile.js';
import { JobDeferred, type JobQueue } from '../../src/queue/port.js';
import { createTestStore, type TestStore } from '../support/each-dialect.js';
import {
  documentHandlers,
  documentJob,
  permanentError,
  TransientError,
} from '../support/queue-kit.js';

/** The scale-out adapter against a fresh PostgreSQL database (only when TEST_DATABASE_URL is set). */
const skip = process.env['TEST_DATABASE_URL'] ? false : 'needs TEST_DATABASE_URL';

describe('graphile queue (postgres)', { skip }, () => {
  let store: TestStore;
  let queue: JobQueue;
  before(async () => {
    store = await createTestStore('postgres');
  });
  afterEach(() => queue.stop());
  after(() => store.destroy());

  const makeQueue = () =>
    (queue = createGraphileQueue({
      connectionString: store.url,
      db: store.db,
      pollIntervalMs: 100,
    }));

  async function graphileJobs() {
    const client = new pg.Client({ connectionString: store.url });
    await client.connect();
    try {
      const result = await client.query<{
        id: string;
        attempts: number;
        max_attempts: number;
        key: string | null;
      }>('select id, attempts, max_attempts, key from graphile_worker.jobs order by id');
      return result.rows;
    } finally {
      await client.end();
    }
  }

  /** The jobs once graphile's completion, which follows job:success, is in (2 s at most). */
  async function graphileJobsSettled() {
    const deadline = Date.now() + 2_000;
    for (;;) {
      const jobs = await graphileJobs();
      if (jobs.length === 0 || Date.now() > deadline) return jobs;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('runs a job with its payload', async () => {
    makeQueue();
    const seen: unknown[] = [];
    await queue.start(
      documentHandlers(async (payload) => void seen.push(payload)),
      { concurrency: 2 },
    );
    const done = nextEvent(queue.events, 'job:success');
    await queue.enqueue('document-for-deal', documentJob(1));
    const [info] = await done;
    assert.equal(info.attempt, 1);
    assert.deepEqual(seen, [documentJob(1)]);
    assert.deepEqual(await graphileJobsSettled(), []);
  });

  it('retries a retryable failure after its backoff, honouring retryAfterMs as a floor', async () => {
    makeQueue();
    const starts: number[] = [];
    await queue.start(
      documentHandlers(async () => {
        starts.push(Date.now());
        if (starts.length === 1) throw new TransientError(300);
      }),
      { concurrency: 1 },
    );
    const retried = nextEvent(queue.events, 'job:retry');
    const done = nextEvent(queue.events, 'job:success');
    await queue.enqueue('document-for-deal', documentJob(2));
    const [retry] = await retried;
    // 300 ms from the error, then graphile's e^1 s.
    assert.equal(retry.delayMs, 300 + 2718);
    const [info] = await done;
    assert.equal(info.attempt, 2);
    assert.ok(
      starts[1]! - starts[0]! >= 300 + 2718 - 100,
      `retried after ${starts[1]! - starts[0]!} ms`,
    );
  });

  it('puts a deferred job back until the time asked for, the attempt not counted', async () => {
    makeQueue();
    const starts: number[] = [];
    const deferrals: number[] = [];
    queue.events.on('job:deferred', ({ attempt }) => deferrals.push(attempt));
    queue.events.on('job:retry', () => assert.fail('a deferral is no retry'));
    await queue.start(
      documentHandlers(async () => {
        starts.push(Date.now());
        // More deferrals than attempts allowed: none of them counts.
        if (starts.length <= 2) throw new JobDeferred(Date.now() + 1_500);
      }),
      { concurrency: 1 },
    );
    const done = nextEvent(queue.events, 'job:success');
    await queue.enqueue('document-for-deal', documentJob(30), { maxAttempts: 1 });
    const [info] = await done;
    assert.equal(info.attempt, 1);
    assert.deepEqual(deferrals, [1, 1]);
    // At the time asked for (graphile's e^0 s backoff absorbed), not a backoff later.
    for (let i = 1; i < starts.length; i++) {
      const gap = starts[i]! - starts[i - 1]!;
      assert.ok(gap >= 1_450 && gap < 1_500 + 900, `ran again after ${gap} ms`);
    }
    assert.deepEqual(await graphileJobsSettled(), []);
  });

  it('fails for good on a non-retryable error, without retrying', async () => {
    makeQueue();
    let calls = 0;
    await queue.start(
      documentHandlers(async () => {
        calls += 1;
        throw permanentError();
      }),
      { concurrency: 1 },
    );
    const failed = nextEvent(queue.events, 'job:failure');
    await queue.enqueue('document-for-deal', documentJob(3));
    const [failure] = await failed;
    assert.equal(failure.reason, 'non_retryable');
    await nextEvent(queue.events, 'queue:idle');
    assert.equal(calls, 1);
    assert.deepEqual(await graphileJobsSettled(), []);
  });

  it('fails when attempts run out, leaving graphile a permanently failed job', async () => {
    makeQueue();
    await queue.start(
      documentHandlers(async () => {
        throw new TransientError();
      }),
      { concurrency: 1 },
    );
    const failed = nextEvent(queue.events, 'job:failure');
    await queue.enqueue('document-for-deal', documentJob(4), { maxAttempts: 1, jobKey: 'deal-4' });
    const [failure] = await failed;
    assert.equal(failure.reason, 'attempts_exhausted');
    await nextEvent(queue.events, 'queue:idle');
    const jobs = await graphileJobs();
    assert.deepEqual(
      jobs.map(({ attempts, max_attempts, key }) => ({ attempts, max_attempts, key })),
      [{ attempts: 1, max_attempts: 1, key: 'deal-4' }],
    );
  });

  it("takes jobs in turn by company: each company's first job before any company's second", async () => {
    makeQueue();
    const job = (companyId: number, dealId: number) => ({ ...documentJob(dealId), companyId });
    for (const turn of [0, 1, 2]) {
      await queue.enqueue('document-for-deal', job(1, 10 + turn), { turn: async () => turn });
    }
    for (const turn of [0, 1]) {
      await queue.enqueue('document-for-deal', job(2, 20 + turn), { turn: async () => turn });
    }
    const order: string[] = [];
    await queue.start(
      documentHandlers(
        async (payload) => void order.push(`${payload.companyId}:${payload.dealId}`),
      ),
      { concurrency: 1 },
    );
    while (order.length < 5) await nextEvent(queue.events, 'job:success');
    assert.deepEqual(order, ['1:10', '2:20', '1:11', '2:21', '1:12']);
  });

  it('dedupes by jobKey: only the last payload runs, once', async () => {
    makeQueue();
    for (const runId of ['run-a', 'run-b', 'run-c']) {
      await queue.enqueue('document-for-deal', { ...documentJob(5), runId }, { jobKey: 'deal-5' });
    }
    assert.equal((await graphileJobs()).filter((job) => job.key === 'deal-5').length, 1);
    const runIds: string[] = [];
    await queue.start(
      documentHandlers(async (payload) => void runIds.push(payload.runId)),
      {
        concurrency: 2,
      },
    );
    await nextEvent(queue.events, 'job:success');
    await nextEvent(queue.events, 'queue:idle');
    assert.deepEqual(runIds, ['run-c']);
  });
});
