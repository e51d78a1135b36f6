import type { QueueEmitter } from './events.js';
import type { JobName, JobPayloads } from './jobs.js';

/**
 * The JobQueue port. Two adapters: embedded.ts (a jobs table in the store, for SQLite/one process)
 * and graphile.ts (graphile-worker on PostgreSQL, for scale-out). Both deliver at least once: a
 * handler may see a job again after a crash, so handlers are idempotent (invariant 1).
 */
export interface EnqueueOptions {
  /**
   * Dedupe key, as graphile's job_key in 'replace' mode: a waiting (or failed) job with the same key
   * is replaced by this one; if that job is running, this one is added beside it (graphile also
   * takes the running job's remaining attempts, the embedded queue does not: see `jobState`). No
   * key: always a new job.
   */
  jobKey?: string;
  /** Not before this moment; now by default. */
  runAt?: Date;
  /** Runs allowed, the first included; 25 by default (graphile's default). */
  maxAttempts?: number;
  /**
   * The job's turn among its company's waiting jobs (0: none waits before it), asked only by a
   * queue that needs it. The embedded queue claims in turn by company by itself (`companyShare`)
   * and never asks; graphile-worker claims by priority, then in order, so graphile.ts makes it the
   * job's priority: the first job of each company comes before any company's second. None: turn
   * 0, as a person's run takes.
   */
  turn?: () => Promise<number>;
}

export interface JobContext {
  id: string;
  attempt: number;
  maxAttempts: number;
  /** Aborted when the queue stops; long handlers should give up and let the job be retried. */
  signal: AbortSignal;
}

export type JobHandler<N extends JobName> = (
  payload: JobPayloads[N],
  context: JobContext,
) => Promise<void>;

/**
 * Every job name must have a handler. A handler that throws an AppError with `retryable: false`
 * fails the job for good; JobDeferred puts it back until then, the attempt not counted; any other
 * error retries it with backoff, or after `retryAfterMs` when the error carries one (rate limits).
 */
export type JobHandlers = { [N in JobName]: JobHandler<N> };

/**
 * Thrown by a handler, before it has done anything, to say "not now, at `untilMs`": the job waits
 * until then without the attempt counting and without a failure recorded. Jobs for a Xero
 * organisation whose budget cannot serve them yet do this (issue 12) instead of holding a worker
 * slot while they sleep for it, so another organisation's jobs are not starved of slots.
 */
export class JobDeferred extends Error {
  override readonly name = 'JobDeferred';
  constructor(readonly untilMs: number) {
    super(`deferred until ${new Date(untilMs).toISOString()}`);
  }
}

export interface StartOptions {
  /** Jobs run at the same time by this process. */
  concurrency: number;
  /**
   * Jobs of one company running beyond which another company's ready job is taken first (config
   * worker.companyShare): the embedded queue claims in turn by company; graphile-worker claims by
   * the jobs' turns (EnqueueOptions.turn), across every worker process. Default: `concurrency`.
   */
  companyShare?: number;
}

export interface JobQueue {
  enqueue<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    options?: EnqueueOptions,
  ): Promise<void>;
  /** Starts taking jobs; resolves once running. Call at most once per queue. */
  start(handlers: JobHandlers, options: StartOptions): Promise<void>;
  /**
   * Stops taking jobs and waits for the running ones to finish, boundedly: their AbortSignal fires
   * after 5 s, and 3 s later the queue gives up on them and they run again (graphile fails them for
   * a retry; the embedded queue stops renewing their lease).
   */
  stop(): Promise<void>;
  /**
   * What the queue will still do with a job: `running` (a worker holds it now), `waiting` (it will
   * run again: queued, waiting for a retry, or held by a dead worker whose lease will run out) or
   * `ended` (gone, or no attempt left: graphile spends a running job's attempts when its key is
   * added again, handing its duty to the new job).
   */
  jobState(jobId: string): Promise<JobState>;
  readonly events: QueueEmitter;
}

export type JobState = 'running' | 'waiting' | 'ended';

export const DEFAULT_MAX_ATTEMPTS = 25;

/**
 * Logged with `pool`, the id a queue writes on the jobs it takes (graphile's `locked_by`, the
 * embedded queue's worker id), when it starts taking jobs: what ties a taken job to the process
 * holding it (the fault campaign measures how long a dead one's jobs stay taken).
 */
export const POOL_STARTED = 'job queue: pool started';
