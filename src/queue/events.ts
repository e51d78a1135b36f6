import { EventEmitter } from 'node:events';

import type { JobName } from './jobs.js';

/**
 * What a queue tells the outside world, the same for both adapters. Tests await these instead of
 * sleeping (graphile EventMonitor); the app logs them.
 */
export interface JobInfo {
  id: string;
  name: JobName;
  payload: unknown;
  /** 1 on the first run, counting runs interrupted by a crash. */
  attempt: number;
  maxAttempts: number;
}

export type FailureReason = 'non_retryable' | 'attempts_exhausted' | 'invalid_payload';

export interface QueueEvents {
  'job:start': [JobInfo];
  'job:success': [JobInfo];
  /** The job will not run again (until re-enqueued with the same jobKey). */
  'job:failure': [JobInfo & { error: unknown; reason: FailureReason }];
  /** The job failed and will run again after `delayMs`. */
  'job:retry': [JobInfo & { error: unknown; delayMs: number }];
  /** The job said "not now" (port.ts JobDeferred): it runs again at `untilMs`, attempt not counted. */
  'job:deferred': [JobInfo & { untilMs: number }];
  /** Nothing is running and nothing is ready to run (scheduled retries may still be waiting). */
  'queue:idle': [];
}

export type QueueEmitter = EventEmitter<QueueEvents>;

export function createQueueEmitter(): QueueEmitter {
  return new EventEmitter<QueueEvents>();
}

/**
 * Resolves with the arguments of the next `event` that satisfies `accept` (all by default).
 * Rejects after `timeoutMs` (10 s by default) so a missing event fails a test instead of hanging it.
 */
export function nextEvent<E extends keyof QueueEvents>(
  events: QueueEmitter,
  event: E,
  accept: (...args: QueueEvents[E]) => boolean = () => true,
  timeoutMs = 10_000,
): Promise<QueueEvents[E]> {
  return new Promise((resolve, reject) => {
    const listener = (...args: QueueEvents[E]) => {
      if (!accept(...args)) return;
      cleanup();
      resolve(args);
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`no ${String(event)} event within ${timeoutMs} ms`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      events.off(event, listener as never);
    };
    events.on(event, listener as never);
  });
}
