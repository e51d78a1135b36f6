import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, afterEach, before, describe, it } from 'node:test';

import { sql } from 'kysely';
import pg from 'pg';
import { pino } from 'pino';

import type { Logger } from '../../src/logger.js';
import { nextEvent } from '../../src/queue/events.js';
import { createGraphileQueue } from '../../src/queue/graphile.js';
import type { JobQueue } from '../../src/queue/port.js';
import { createTestStore, type TestStore } from '../support/each-dialect.js';
import { documentHandlers, documentJob } from '../support/queue-kit.js';

/**
 * Dead-worker takeover on graphile-worker (queue/graphile-takeover.ts): a pool that stops showing
 * signs of life has its jobs freed after the lease; a live pool keeps a job however long it runs.
 * (A worker process killed with SIGKILL: app-postgres-crash.test.ts.)
 */
const skip = process.env['TEST_DATABASE_URL'] ? false : 'needs TEST_DATABASE_URL';
const LEASE_MS = 600;

describe('graphile queue: dead-worker takeover (postgres)', { skip, timeout: 60_000 }, () => {
  let store: TestStore;
  const queues: JobQueue[] = [];
  before(async () => {
    store = await createTestStore('postgres');
  });
  afterEach(async () => {
    await Promise.all(queues.splice(0).map((queue) => queue.stop()));
    await sql`delete from graphile_worker._private_jobs`.execute(store.db);
  });
  after(() => store.destroy());

  const makeQueue = (logger?: Logger) => {
    const queue = createGraphileQueue({
      connectionString: store.url,
      db: store.db,
      leaseMs: LEASE_MS,
      pollIntervalMs: 100,
      restartDelayMs: 100,
      ...(logger !== undefined && { logger }),
    });
    queues.push(queue);
    return queue;
  };

  const lockAge = async () => {
    const { rows } = await sql<{ age_ms: number | null }>`
      select (extract(epoch from now() - max(locked_at)) * 1000)::float8 as age_ms
        from graphile_worker.jobs`.execute(store.db);
    return rows[0]?.age_ms ?? null;
  };

  it('frees the jobs of a pool that died before its first heartbeat, after the lease', async () => {
    const producer = makeQueue();
    await producer.enqueue('document-for-deal', documentJob(1));
    // What a worker killed right after taking the job leaves behind: a lock and no heartbeat.
    await sql`update graphile_worker._private_jobs
                 set locked_by = 'pool-dead', locked_at = now(), attempts = 1`.execute(store.db);

    const survivor = makeQueue();
    const done = nextEvent(survivor.events, 'job:success', () => true, 15_000);
    await survivor.start(
      documentHandlers(async () => undefined),
      { concurrency: 1 },
    );
    const [info] = await done;
    assert.equal(info.attempt, 2, 'the interrupted run counts as an attempt');
  });

  it('leaves a job to its live worker however long it runs', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const holder = makeQueue();
    const observer = makeQueue();
    const starts: string[] = [];
    for (const [name, queue] of [
      ['holder', holder],
      ['observer', observer],
    ] as const) {
      queue.events.on('job:start', () => starts.push(name));
      await queue.start(
        documentHandlers(() => held),
        { concurrency: 1 },
      );
    }
    const done = new Promise((resolve) => {
      holder.events.once('job:success', resolve);
      observer.events.once('job:success', resolve);
    });
    await holder.enqueue('document-for-deal', documentJob(2));
    // Until the lock is three leases old, while both queues beat and look for dead workers.
    for (let age = await lockAge(); age === null || age < 3 * LEASE_MS; age = await lockAge()) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(starts.length, 1, `started by ${starts.join(' and ')}`);
    release();
    await done;
    assert.equal(starts.length, 1);
  });

  it('carries on when the database goes away as a job finishes', async () => {
    const { logger, logged } = capturingLogger();
    const queue = makeQueue(logger);
    const admin = new pg.Client({ connectionString: process.env['TEST_DATABASE_URL'] });
    await admin.connect();
    const database = new URL(store.url).pathname.slice(1);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let runs = 0;
    await queue.start(
      documentHandlers(async () => {
        runs += 1;
        if (runs === 1) await held;
      }),
      { concurrency: 1 },
    );
    try {
      const started = nextEvent(queue.events, 'job:start');
      await queue.enqueue('document-for-deal', documentJob(3));
      await started;
      await admin.query(`alter database "${database}" allow_connections false`);
      await admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1',
        [database],
      );
      // The job finishes, but its completion cannot be recorded: graphile's runner ends.
      release();
      await logged('job queue: the runner stopped; starting it again');
      await admin.query(`alter database "${database}" allow_connections true`);
      await logged('job queue: the runner is running again');

      // Its job, still locked by the runner that ended, is freed after the lease and runs again.
      const [again] = await nextEvent(
        queue.events,
        'job:success',
        (info) => info.attempt === 2,
        15_000,
      );
      assert.equal(again.payload && (again.payload as { dealId: number }).dealId, 3);
      assert.equal(runs, 2);
    } finally {
      await admin.query(`alter database "${database}" allow_connections true`);
      await admin.end();
    }
  });
});

/** A pino logger whose messages a test can await. */
function capturingLogger() {
  const messages: string[] = [];
  const waiters = new Set<() => void>();
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        messages.push((JSON.parse(line) as { msg: string }).msg);
      }
      for (const wake of waiters) wake();
      done();
    },
  });
  const logged = (message: string) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (!messages.includes(message)) return;
        waiters.delete(check);
        resolve();
      };
      waiters.add(check);
      check();
    });
  return { logger: pino({ level: 'info' }, stream), logged };
}
