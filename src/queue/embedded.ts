import { randomUUID } from 'node:crypto';

import { type Clock, systemClock } from '../clock.js';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Db } from '../store/db.js';
import {
  addJob,
  claimJob,
  completeJob,
  deferJob,
  extendJobLease,
  failJob,
  jobStateOf,
  nextJobDueAt,
  rescheduleJob,
} from '../store/repos/jobs.js';
import type { JobRow } from '../store/tables.js';
import { createQueueEmitter, type JobInfo } from './events.js';
import { isJobName, type JobName, type JobPayloads, parseJobPayload } from './jobs.js';
import {
  DEFAULT_MAX_ATTEMPTS,
  type JobContext,
  JobDeferred,
  type JobHandlers,
  type JobQueue,
  POOL_STARTED,
} from './port.js';
import { type BackoffPolicy, decideRetry, DEFAULT_BACKOFF } from './retry.js';

/**
 * The in-process queue of embedded mode: durable jobs in the store's `jobs` table (see
 * store/repos/jobs.ts for a job's states), taken by this process in a loop.
 *
 * Queue states: created → running (start) → stopping (stop: no new jobs, running ones finish; their
 * AbortSignal fires after 5 s, and stop gives up waiting 3 s later) → stopped (leases of jobs still
 * running are no longer renewed, so another worker takes them when they run out). While running,
 * the loop ("pump") takes ready jobs up to `concurrency`, then, if a slot is free, sleeps until the
 * next job is due or `pollIntervalMs` passes, whichever is first (with none free it waits for a job
 * to finish); an enqueue in this process or a finished job wakes it at once. Each taken job holds a lease it renews every third of `leaseMs`; if the process dies
 * (kill -9) the lease runs out and the next worker takes the job again.
 */
export interface EmbeddedQueueOptions {
  db: Db;
  /** Time for run_at and leases; systemClock by default. */
  clock?: Clock;
  /** Where loop and bookkeeping errors go; none by default (they are retried regardless). */
  logger?: Logger;
  /** Longest sleep between looks for jobs written by another process; 1000 ms by default. */
  pollIntervalMs?: number;
  /** How long a taken job stays taken without a heartbeat; 60 s by default. */
  leaseMs?: number;
  /** Retry delays; 1 s doubling to 1 h by default (queue/retry.ts). */
  backoff?: BackoffPolicy;
  /** Jitter source, pinned in tests; Math.random by default. */
  random?: () => number;
}

type State = 'created' | 'running' | 'stopping' | 'stopped';

/** In stop(): running jobs get their AbortSignal after this long (graphile's default too)… */
const ABORT_AFTER_MS = 5_000;
/** …and stop() stops waiting for them this long after that. */
const GIVE_UP_AFTER_MS = 3_000;

export function createEmbeddedQueue(options: EmbeddedQueueOptions): JobQueue {
  const { db, logger } = options;
  const clock = options.clock ?? systemClock;
  const pollIntervalMs = options.pollIntervalMs ?? 1_000;
  const leaseMs = options.leaseMs ?? 60_000;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const random = options.random ?? Math.random;
  const workerId = `embedded-${randomUUID()}`;
  const events = createQueueEmitter();
  const abort = new AbortController();
  const running = new Set<Promise<void>>();

  let state: State = 'created';
  let handlers: JobHandlers | undefined;
  let concurrency = 1;
  let companyShare = 1;
  /** Jobs of each company running now, against `companyShare`. */
  const perCompany = new Map<number, number>();
  const fullCompanies = () =>
    [...perCompany].filter(([, count]) => count >= companyShare).map(([company]) => company);
  let timer: NodeJS.Timeout | undefined;
  let pumping: Promise<void> | undefined;
  let pumpRequested = false;
  let idleAnnounced = false;

  function wake(): void {
    pumpRequested = true;
    if (state !== 'running' || pumping !== undefined) return;
    pumping = pump().finally(() => {
      pumping = undefined;
      if (pumpRequested) wake();
    });
  }

  async function pump(): Promise<void> {
    while (pumpRequested && state === 'running') {
      pumpRequested = false;
      clearTimeout(timer);
      let sleepMs = pollIntervalMs;
      try {
        while (state === 'running' && running.size < concurrency) {
          const row = await claimInTurn();
          if (row === undefined) break;
          idleAnnounced = false;
          launch(row);
        }
        if (running.size === 0 && !idleAnnounced && state === 'running') {
          idleAnnounced = true;
          events.emit('queue:idle');
        }
        // With every slot taken there is nothing to look for: the next job to finish wakes the
        // loop. (Looking anyway re-polled at once while ready jobs waited for a slot, costing a
        // busy loop of queries per job.)
        if (running.size >= concurrency) continue;
        const due = await nextJobDueAt(db);
        if (due !== undefined) {
          sleepMs = Math.min(pollIntervalMs, Math.max(0, due.getTime() - clock.now().getTime()));
        }
      } catch (error) {
        logger?.error({ err: error }, 'job queue: looking for jobs failed');
      }
      if (state === 'running') timer = setTimeout(wake, sleepMs);
    }
  }

  /**
   * The next ready job, in turn by company: first one of a company below its share of the slots,
   * else any (a company alone may use every slot). So a backlog of one company leaves no slot idle,
   * and another company's job waits for one slot to free at most, not for the backlog.
   */
  async function claimInTurn(): Promise<JobRow | undefined> {
    const full = fullCompanies();
    const others =
      full.length > 0
        ? await claimJob(db, workerId, clock.now(), leaseMs, { exceptCompanies: full })
        : undefined;
    return others ?? (await claimJob(db, workerId, clock.now(), leaseMs));
  }

  function launch(row: JobRow): void {
    const payload = readPayload(row);
    const company = companyOf(payload);
    if (company !== undefined) perCompany.set(company, (perCompany.get(company) ?? 0) + 1);
    const job = runJob(row, payload)
      .catch((error: unknown) => {
        // Bookkeeping failed (e.g. the database went away): the lease will run out and the job
        // will run again, so nothing is lost.
        logger?.error({ err: error, jobId: row.id }, 'job queue: recording a job result failed');
      })
      .finally(() => {
        running.delete(job);
        if (company !== undefined) {
          const left = (perCompany.get(company) ?? 1) - 1;
          if (left > 0) perCompany.set(company, left);
          else perCompany.delete(company);
        }
        wake();
      });
    running.add(job);
  }

  async function runJob(row: JobRow, payload: JobPayloads[JobName] | undefined): Promise<void> {
    const heartbeat = setInterval(() => {
      // Given up by stop(): let the lease run out so that another worker takes the job.
      if (state === 'stopped') return clearInterval(heartbeat);
      const until = new Date(clock.now().getTime() + leaseMs);
      extendJobLease(db, row.id, workerId, until).catch((error: unknown) => {
        logger?.warn({ err: error, jobId: row.id }, 'job queue: renewing a lease failed');
      });
    }, leaseMs / 3);
    try {
      const info: JobInfo = {
        id: row.id,
        name: row.name as JobName,
        payload: payload ?? row.payload,
        attempt: row.attempts,
        maxAttempts: row.max_attempts,
      };
      if (payload === undefined || !isJobName(row.name)) {
        const error = new AppError('job_payload_invalid', `Job ${row.name} has an invalid payload`);
        await failJob(db, row.id, workerId, describe(error), clock.now());
        events.emit('job:failure', { ...info, error, reason: 'invalid_payload' });
        return;
      }
      events.emit('job:start', info);
      const context: JobContext = {
        id: row.id,
        attempt: row.attempts,
        maxAttempts: row.max_attempts,
        signal: abort.signal,
      };
      try {
        await callHandler(info.name, payload, context);
      } catch (error) {
        await recordFailure(row, info, error);
        return;
      }
      await completeJob(db, row.id, workerId);
      events.emit('job:success', info);
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** The company a job works for (its payload's companyId), if any. */
  function companyOf(payload: JobPayloads[JobName] | undefined): number | undefined {
    const companyId = (payload as { companyId?: unknown } | undefined)?.companyId;
    return typeof companyId === 'number' ? companyId : undefined;
  }

  function readPayload(row: JobRow): JobPayloads[JobName] | undefined {
    if (!isJobName(row.name)) return undefined;
    try {
      return parseJobPayload(row.name, JSON.parse(row.payload));
    } catch {
      return undefined;
    }
  }

  function callHandler<N extends JobName>(name: N, payload: unknown, context: JobContext) {
    if (handlers === undefined) throw new Error('job queue: no handlers');
    const handler = handlers[name];
    return handler(payload as JobPayloads[N], context);
  }

  async function recordFailure(row: JobRow, info: JobInfo, error: unknown): Promise<void> {
    if (error instanceof JobDeferred) {
      await deferJob(db, row.id, workerId, new Date(error.untilMs), clock.now());
      events.emit('job:deferred', { ...info, untilMs: error.untilMs });
      return;
    }
    const decision = decideRetry(error, row.attempts, row.max_attempts, backoff, random);
    const now = clock.now();
    if (decision.retry) {
      const runAt = new Date(now.getTime() + decision.delayMs);
      await rescheduleJob(db, row.id, workerId, runAt, describe(error), now);
      events.emit('job:retry', { ...info, error, delayMs: decision.delayMs });
    } else {
      await failJob(db, row.id, workerId, describe(error), now);
      events.emit('job:failure', { ...info, error, reason: decision.reason });
    }
  }

  return {
    events,
    async enqueue(name, payload, enqueueOptions = {}) {
      if (parseJobPayload(name, payload) === undefined) {
        throw new AppError('job_payload_invalid', `Refusing to enqueue ${name}: invalid payload`);
      }
      const job = {
        name,
        payload,
        jobKey: enqueueOptions.jobKey ?? null,
        runAt: enqueueOptions.runAt ?? clock.now(),
        maxAttempts: enqueueOptions.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      };
      await addJob(db, job, clock.now());
      idleAnnounced = false;
      wake();
    },
    async start(jobHandlers, startOptions) {
      if (state !== 'created') throw new Error(`job queue: cannot start when ${state}`);
      handlers = jobHandlers;
      concurrency = Math.max(1, startOptions.concurrency);
      companyShare = Math.max(1, startOptions.companyShare ?? concurrency);
      state = 'running';
      logger?.info({ pool: workerId }, POOL_STARTED);
      wake();
    },
    jobState(jobId) {
      return jobStateOf(db, jobId, clock.now());
    },
    async stop() {
      if (state !== 'running') {
        state = 'stopped';
        return;
      }
      state = 'stopping';
      clearTimeout(timer);
      // Like graphile's gracefulShutdownAbortTimeout: give running jobs 5 s, then signal them.
      const abortTimer = setTimeout(() => abort.abort(), ABORT_AFTER_MS);
      let giveUpTimer: NodeJS.Timeout | undefined;
      const givenUp = new Promise<void>((resolve) => {
        giveUpTimer = setTimeout(resolve, ABORT_AFTER_MS + GIVE_UP_AFTER_MS);
      });
      await pumping;
      await Promise.race([Promise.allSettled(running), givenUp]);
      clearTimeout(abortTimer);
      clearTimeout(giveUpTimer);
      if (running.size > 0) {
        logger?.warn(
          { jobs: running.size },
          'job queue: stopped with jobs still running; they run again when their lease runs out',
        );
      }
      state = 'stopped';
    },
  };
}

/** The error as stored in last_error: code and message, never the cause (it may hold secrets). */
function describe(error: unknown): string {
  if (error instanceof AppError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
