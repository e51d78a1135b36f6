import { EventEmitter } from 'node:events';

import {
  type JobHelpers,
  Logger as WorkerLogger,
  makeWorkerUtils,
  run,
  runMigrations,
  type Runner,
  type Task,
  type TaskList,
  type TaskSpec,
  type WorkerEvents,
  type WorkerPool,
  type WorkerUtils,
} from 'graphile-worker';
import pg from 'pg';

import { type Clock, systemClock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { Db } from '../store/db.js';
import { toStoreError } from '../store/unavailable.js';
import { createQueueEmitter, type JobInfo } from './events.js';
import { startTakeover, type Takeover } from './graphile-takeover.js';
import { type JobName, jobNames, type JobPayloads, parseJobPayload } from './jobs.js';
import {
  DEFAULT_MAX_ATTEMPTS,
  JobDeferred,
  type JobHandlers,
  type JobQueue,
  type JobState,
  POOL_STARTED,
} from './port.js';
import { isNonRetryable, retryAfterMsOf } from './retry.js';
import { supervise, type Supervisor } from './supervise.js';

/**
 * The scale-out queue: graphile-worker on PostgreSQL (LISTEN/NOTIFY, SKIP LOCKED, job keys). Any
 * number of worker processes share it. Mapping onto the port:
 * - retries and backoff are graphile's own (run_at += e^min(attempts,10) s, attempts counted when a
 *   job is taken). A document run tells a duplicate job from its own job's retry by the job id it
 *   records (runs.job_id, migration 0011; usecases/document-for-deal.ts ownsRun), not by the
 *   delivery count, so an attempt may be given back;
 * - a key added again while its job runs spends that job's attempts (graphile's add_job) and adds
 *   a new job: `jobState` says so, and a document run hands itself over to the new job
 *   (usecases/document-for-deal.ts) instead of waiting for a retry that never comes;
 * - a deferral (port.ts JobDeferred: the job's Xero organisation cannot serve it yet) gives its
 *   attempt back and sets run_at so that graphile's fail statement, which adds e^min(attempts,10) s
 *   to greatest(now(), run_at), lands on the time asked for (1 s later at most for a job never
 *   failed; a wait shorter than the backoff of earlier failures is stretched to it). graphile's
 *   "Failed task" line is logged at debug for it. Its wait is in PostgreSQL's time, real time;
 * - a crashed worker's jobs are freed within `leaseMs` by the others (graphile-takeover.ts), not
 *   when graphile's own 4-hour lock expiry comes;
 * - losing the database never ends the process: graphile retries looking for jobs and its LISTEN
 *   connection by itself; completions and failures are batched (completeJobBatchDelay: 0), because
 *   unbatched ones are not awaited in 0.17 and a failed one is an unhandled rejection; a failed
 *   batch ends graphile's runner instead, and supervise.ts starts a new one;
 * - `retryAfterMs` on an error pushes the job's run_at forward before graphile adds its backoff
 *   (its fail statement starts from greatest(now(), run_at)), so the server's delay is a floor;
 * - a non-retryable AppError is caught and reported as job:failure, and the job completes (the
 *   failure is recorded on the run by the use case): graphile would otherwise retry it 25 times;
 * - jobs are claimed in turn by company, as the embedded queue claims them: a job's turn among its
 *   company's waiting jobs (port.ts EnqueueOptions.turn) is its priority, so a backlog of one
 *   company does not hold every worker slot while the others' first jobs wait behind it;
 * - events are emitted from inside the task, so both adapters tell the same story.
 */
export interface GraphileQueueOptions {
  connectionString: string;
  /** The store, on the same database: it keeps the workers' heartbeats. */
  db: Db;
  /** The app's time, that of a deferral's `untilMs`; systemClock by default. */
  clock?: Clock;
  /** How long a dead worker's jobs stay taken before another worker frees them; 60000 ms by default. */
  leaseMs?: number;
  /** PostgreSQL schema of graphile's tables; 'graphile_worker' by default. */
  schema?: string;
  /** Longest wait before noticing a job scheduled for later (retries); 2000 ms by default. */
  pollIntervalMs?: number;
  /** Where graphile's own messages go; nowhere by default. */
  logger?: Logger;
  /** Pool size shared by enqueueing and the workers; 10 by default. */
  maxConnections?: number;
  /** First wait before starting a runner that ended by itself again; 1000 ms by default. */
  restartDelayMs?: number;
}

/** Running jobs get their AbortSignal after this long in stop(), like the embedded queue. */
const ABORT_AFTER_MS = 5_000;
/** …and are failed (so they run again, here or elsewhere) if still running this long after. */
const FORCE_AFTER_MS = 3_000;

export function createGraphileQueue(options: GraphileQueueOptions): JobQueue {
  const schema = options.schema ?? 'graphile_worker';
  const leaseMs = options.leaseMs ?? 60_000;
  const clock = options.clock ?? systemClock;
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
  });
  // A lost connection must not crash the process (pg emits 'error' on the pool for idle clients
  // and on each client otherwise); graphile reconnects, and the next query reports the problem.
  const onConnectionError = (error: Error) =>
    options.logger?.warn(
      { reason: error.message, code: (error as { code?: string }).code },
      'job queue: a database connection was lost',
    );
  pool.on('error', onConnectionError);
  pool.on('connect', (client) => client.on('error', onConnectionError));
  const logger = toWorkerLogger(options.logger);
  const shared = { pgPool: pool, schema, logger };
  const events = createQueueEmitter();
  const workerEvents: WorkerEvents = new EventEmitter();
  let active = 0;
  let idleAnnounced = false;
  let started = false;
  let stopped = false;
  let supervisor: Supervisor | undefined;
  let takeover: Takeover | undefined;
  let utils: Promise<WorkerUtils> | undefined;
  // The pool of the runner running now: its id is what graphile writes into `locked_by`.
  let workerPool: WorkerPool | undefined;

  // Migrate once, whichever comes first: an enqueue or start; a failed try is tried again next time.
  const getUtils = () =>
    (utils ??= runMigrations(shared)
      .then(() => makeWorkerUtils(shared))
      .catch((error: unknown) => {
        utils = undefined;
        throw toStoreError(error);
      }));

  workerEvents.on('pool:create', (event) => {
    workerPool = event.workerPool;
    // The id graphile writes into `locked_by`: what ties a locked job to the process holding it.
    options.logger?.info({ pool: event.workerPool.id }, POOL_STARTED);
  });
  workerEvents.on('pool:release', (event) => {
    if (workerPool === event.workerPool) workerPool = undefined;
  });

  workerEvents.on('worker:getJob:empty', () => {
    if (active > 0 || idleAnnounced) return;
    idleAnnounced = true;
    events.emit('queue:idle');
  });

  function makeTask<N extends JobName>(name: N, handlers: JobHandlers): Task {
    return async (rawPayload, helpers) => {
      const { job } = helpers;
      const info: JobInfo = {
        id: job.id,
        name,
        payload: rawPayload,
        attempt: job.attempts,
        maxAttempts: job.max_attempts,
      };
      const payload = parseJobPayload(name, rawPayload);
      if (payload === undefined) {
        events.emit('job:failure', { ...info, error: undefined, reason: 'invalid_payload' });
        return;
      }
      active += 1;
      idleAnnounced = false;
      events.emit('job:start', info);
      try {
        await runHandler(handlers[name], payload, info, helpers);
        events.emit('job:success', info);
      } catch (error) {
        await handleFailure(error, info, helpers);
      } finally {
        active -= 1;
      }
    };
  }

  function runHandler<N extends JobName>(
    handler: JobHandlers[N],
    payload: JobPayloads[N],
    info: JobInfo,
    helpers: JobHelpers,
  ): Promise<void> {
    return handler(payload, {
      id: info.id,
      attempt: info.attempt,
      maxAttempts: info.maxAttempts,
      signal: helpers.abortSignal,
    });
  }

  async function handleFailure(error: unknown, info: JobInfo, helpers: JobHelpers) {
    if (error instanceof JobDeferred) {
      await giveBack(error, info, helpers);
      events.emit('job:deferred', { ...info, untilMs: error.untilMs });
      throw error;
    }
    if (isNonRetryable(error)) {
      events.emit('job:failure', { ...info, error, reason: 'non_retryable' });
      return;
    }
    if (info.attempt >= info.maxAttempts) {
      events.emit('job:failure', { ...info, error, reason: 'attempts_exhausted' });
      throw error;
    }
    const retryAfterMs = retryAfterMsOf(error) ?? 0;
    if (retryAfterMs > 0) {
      await helpers.withPgClient((client) =>
        client.query(
          `update ${quoteIdent(schema)}._private_jobs
             set run_at = now() + $2::int * interval '1 millisecond' where id = $1::bigint`,
          [info.id, Math.ceil(retryAfterMs)],
        ),
      );
    }
    // graphile's backoff (see its failJobs statement), added after any Retry-After floor.
    const delayMs = retryAfterMs + Math.round(Math.exp(Math.min(info.attempt, 10)) * 1000);
    events.emit('job:retry', { ...info, error, delayMs });
    throw error;
  }

  /** A deferral: the attempt given back, run_at such that graphile's fail lands on `untilMs`. */
  async function giveBack(deferred: JobDeferred, info: JobInfo, helpers: JobHelpers) {
    const delayMs = Math.max(0, Math.ceil(deferred.untilMs - clock.now().getTime()));
    // In SET, `attempts` is the value before this update.
    await helpers.withPgClient((client) =>
      client.query(
        `update ${quoteIdent(schema)}._private_jobs
           set attempts = greatest(attempts - 1, 0),
               run_at = now() + $2::int * interval '1 millisecond'
                 - exp(least(greatest(attempts - 1, 0), 10)) * interval '1 second'
         where id = $1::bigint`,
        [info.id, delayMs],
      ),
    );
  }

  async function startRunner(taskList: TaskList, concurrency: number): Promise<Runner> {
    const runner = await run({
      ...shared,
      taskList,
      events: workerEvents,
      concurrency,
      pollInterval: options.pollIntervalMs ?? 2_000,
      gracefulShutdownAbortTimeout: ABORT_AFTER_MS,
      preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
      // The app's CLI owns signal handling and calls stop().
      noHandleSignals: true,
    });
    const runnerPool = workerPool;
    return {
      ...runner,
      // Bounded: jobs still running FORCE_AFTER_MS after the abort are failed, so they run again.
      async stop() {
        const force = setTimeout(
          () => void runnerPool?.forcefulShutdown('job queue: running jobs did not stop in time'),
          ABORT_AFTER_MS + FORCE_AFTER_MS,
        );
        try {
          await runner.stop();
        } catch (error) {
          // It had already ended by itself.
          options.logger?.debug({ err: error }, 'job queue: runner already stopped');
        } finally {
          clearTimeout(force);
        }
      },
    };
  }

  async function unlock(workerIds: string[]): Promise<void> {
    const workerUtils = await getUtils();
    await workerUtils.forceUnlockWorkers(workerIds);
    // Take the freed jobs now rather than at the next poll.
    try {
      workerPool?.nudge(workerIds.length);
    } catch {
      // The pool is shutting down; another worker takes them.
    }
  }

  /** Spent attempts are graphile's mark of a job that will not run again (port.ts `jobState`). */
  async function jobState(jobId: string): Promise<JobState> {
    try {
      const { rows } = await pool.query<{ locked: boolean; spent: boolean }>(
        `select locked_at is not null as locked, attempts >= max_attempts as spent
           from ${quoteIdent(schema)}._private_jobs where id = $1::bigint`,
        [jobId],
      );
      const row = rows[0];
      if (row === undefined) return 'ended';
      if (row.locked) return 'running';
      return row.spent ? 'ended' : 'waiting';
    } catch (error) {
      throw toStoreError(error);
    }
  }

  return {
    events,
    jobState,
    async enqueue(name, payload, enqueueOptions = {}) {
      const spec: TaskSpec = { maxAttempts: enqueueOptions.maxAttempts ?? DEFAULT_MAX_ATTEMPTS };
      if (enqueueOptions.jobKey !== undefined) spec.jobKey = enqueueOptions.jobKey;
      if (enqueueOptions.runAt !== undefined) spec.runAt = enqueueOptions.runAt;
      // graphile takes lower priorities first (its smallint); jobs of equal turn in order.
      const workerUtils = await getUtils();
      if (enqueueOptions.turn) spec.priority = Math.min(await enqueueOptions.turn(), 32_767);
      idleAnnounced = false;
      try {
        await workerUtils.addJob(name as string, payload, spec);
      } catch (error) {
        throw toStoreError(error);
      }
    },
    async start(handlers, startOptions) {
      if (started) throw new Error('job queue: already started');
      started = true;
      await getUtils();
      const taskList: TaskList = Object.fromEntries(
        jobNames.map((name) => [name, makeTask(name, handlers)]),
      );
      const concurrency = Math.max(1, startOptions.concurrency);
      supervisor = await supervise(() => startRunner(taskList, concurrency), {
        logger: options.logger,
        minDelayMs: options.restartDelayMs ?? 1_000,
      }).catch((error: unknown) => {
        throw toStoreError(error);
      });
      takeover = startTakeover({
        db: options.db,
        schema,
        leaseMs,
        currentWorker: () => workerPool?.id,
        unlock,
        logger: options.logger,
      });
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await supervisor?.stop();
      await takeover?.stop();
      const workerUtils = await utils?.catch(() => undefined);
      await workerUtils?.release();
      await pool.end();
    },
  };
}

function quoteIdent(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

/** graphile's logger interface onto pino; silent without a logger. */
function toWorkerLogger(logger: Logger | undefined): WorkerLogger {
  return new WorkerLogger((scope) => (level, message, meta) => {
    if (logger === undefined) return;
    // A deferral is thrown to graphile as a failure, but is none (handleFailure); a completion
    // repeats the 'job succeeded' line of makeTask with the whole job row, for every job.
    const deferred = (meta as { error?: unknown } | undefined)?.error instanceof JobDeferred;
    const routine = deferred || message.startsWith('Completed task');
    const pinoLevel = routine ? 'debug' : level === 'warning' ? 'warn' : level;
    logger[pinoLevel]({ scope, ...meta }, message);
  });
}
