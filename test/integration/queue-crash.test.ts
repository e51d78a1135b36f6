import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { after, before, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { createEmbeddedQueue } from '../../src/queue/embedded.js';
import { nextEvent } from '../../src/queue/events.js';
import type { JobPayloads } from '../../src/queue/jobs.js';
import { createTestStore, type TestStore } from '../support/each-dialect.js';
import { documentHandlers, documentJob } from '../support/queue-kit.js';

/**
 * Invariant 2: a job survives a crash of the process. A child process takes the job and is killed
 * with SIGKILL mid-job; its lease runs out and a new worker runs the job to the end.
 */
const LEASE_MS = 400;
const worker = fileURLToPath(new URL('./queue-crash-worker.ts', import.meta.url));

let store: TestStore;
let child: ChildProcess | undefined;
before(async () => {
  store = await createTestStore('sqlite');
});
after(async () => {
  child?.kill('SIGKILL');
  await store.destroy();
});

function firstLine(process: ChildProcess): Promise<string> {
  const lines = createInterface({ input: process.stdout! });
  return new Promise((resolve, reject) => {
    lines.once('line', resolve);
    process.once('exit', (code) => reject(new Error(`worker exited (${code}) before a job`)));
  });
}

it('resumes a job whose worker was killed with SIGKILL mid-job', async () => {
  const producer = createEmbeddedQueue({ db: store.db });
  await producer.enqueue('document-for-deal', documentJob(42), { jobKey: 'deal-42' });

  child = spawn(process.execPath, ['--import', 'tsx', worker, store.url, String(LEASE_MS)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const started = JSON.parse(await firstLine(child)) as { started: string; attempt: number };
  assert.equal(started.attempt, 1);
  const leased = await store.db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
  assert.equal(leased.status, 'running');
  const deadWorker = leased.locked_by;

  child.kill('SIGKILL');
  const [, signal] = await once(child, 'exit');
  assert.equal(signal, 'SIGKILL');
  child = undefined;
  // The dead worker's lease is still on the row: only its expiry frees the job.
  assert.equal(
    (await store.db.selectFrom('jobs').select('status').executeTakeFirstOrThrow()).status,
    'running',
  );

  const successor = createEmbeddedQueue({ db: store.db, pollIntervalMs: 50, leaseMs: LEASE_MS });
  const seen: JobPayloads['document-for-deal'][] = [];
  const done = nextEvent(successor.events, 'job:success');
  const restarted = nextEvent(successor.events, 'job:start');
  await successor.start(
    documentHandlers(async (payload) => void seen.push(payload)),
    {
      concurrency: 1,
    },
  );
  try {
    const [again] = await restarted;
    assert.equal(again.id, started.started);
    assert.equal(again.attempt, 2, 'the interrupted run counts as an attempt');
    const [info] = await done;
    assert.equal(info.id, started.started);
    assert.deepEqual(seen, [documentJob(42)]);
    assert.equal(await store.db.selectFrom('jobs').select('id').executeTakeFirst(), undefined);
    assert.notEqual(deadWorker, null);
  } finally {
    await successor.stop();
  }
});

it('does not take a job from a live worker that keeps renewing its lease', async () => {
  await createEmbeddedQueue({ db: store.db }).enqueue('document-for-deal', documentJob(43));
  child = spawn(process.execPath, ['--import', 'tsx', worker, store.url, String(LEASE_MS)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await firstLine(child);
  const first = await store.db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
  const observer = createEmbeddedQueue({ db: store.db, pollIntervalMs: 20, leaseMs: LEASE_MS });
  let stolen = false;
  observer.events.on('job:start', () => (stolen = true));
  await observer.start(
    documentHandlers(async () => undefined),
    { concurrency: 1 },
  );
  try {
    // Until the heartbeat has carried the lease past two of its original lengths, while the
    // observer keeps looking for expired leases.
    const renewedPast = Date.parse(first.locked_until!) + LEASE_MS;
    let row = first;
    while (Date.parse(row.locked_until!) <= renewedPast && !stolen) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      row = await store.db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
    }
    assert.equal(stolen, false);
    assert.equal(row.locked_by, first.locked_by);
    assert.equal(row.attempts, 1);
  } finally {
    await observer.stop();
  }
});
