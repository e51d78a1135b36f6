import type { Logger } from '../logger.js';

/**
 * Keeps a job runner running: when it ends without being asked to, a new one is started. In
 * graphile-worker 0.17 a runner ends by itself when it cannot record that a job completed or failed
 * (its batched completeJobs/failJobs shut the pool down on the first such error, e.g. the database
 * went away as a job finished; graphile.ts), and its jobs stay locked until the takeover frees
 * them (graphile-takeover.ts). A start that fails (the database is still down) is tried again after
 * `minDelayMs`, doubling up to `maxDelayMs`; a runner that lived for `maxDelayMs` resets the delay.
 *
 * States: running → (ended by itself) waiting → running … ; any → stopping (stop) → stopped.
 */
export interface Runnable {
  /** Settles when the runner has ended, asked to or not. */
  promise: Promise<void>;
  stop(): Promise<void>;
}

export interface SuperviseOptions {
  logger?: Logger | undefined;
  /** First wait before starting again; 1000 ms by default. */
  minDelayMs?: number;
  /** Longest wait; 60000 ms by default. */
  maxDelayMs?: number;
  /** Monotonic ms, for how long a runner lived; performance.now by default. */
  now?: () => number;
}

export interface Supervisor {
  /** Stops the runner (or a pending restart) and resolves once it has ended. */
  stop(): Promise<void>;
}

/** Starts the first runner (rejecting if that fails) and keeps one running until stopped. */
export async function supervise(
  start: () => Promise<Runnable>,
  options: SuperviseOptions = {},
): Promise<Supervisor> {
  const { logger } = options;
  const minDelayMs = options.minDelayMs ?? 1_000;
  const maxDelayMs = options.maxDelayMs ?? 60_000;
  const now = options.now ?? (() => performance.now());
  let runner: Runnable | undefined = await start();
  let delayMs = minDelayMs;
  let timer: NodeJS.Timeout | undefined;
  let starting: Promise<void> | undefined;
  let stopping = false;

  function watch(current: Runnable): void {
    const startedAt = now();
    const ended = () => {
      if (stopping || runner !== current) return;
      runner = undefined;
      if (now() - startedAt >= maxDelayMs) delayMs = minDelayMs;
      logger?.error({ restartInMs: delayMs }, 'job queue: the runner stopped; starting it again');
      restartLater();
    };
    current.promise.then(ended, ended);
  }

  /** Waits the current delay, doubling it for next time, then starts a runner. */
  function restartLater(): void {
    const waitMs = delayMs;
    delayMs = Math.min(maxDelayMs, delayMs * 2);
    timer = setTimeout(() => {
      starting = start()
        .then(
          async (next) => {
            if (stopping) return next.stop();
            runner = next;
            logger?.info('job queue: the runner is running again');
            watch(next);
          },
          (error: unknown) => {
            if (stopping) return;
            logger?.warn(
              { err: error, restartInMs: delayMs },
              'job queue: starting the runner failed',
            );
            restartLater();
          },
        )
        .finally(() => {
          starting = undefined;
        });
    }, waitMs);
  }

  watch(runner);
  return {
    async stop() {
      stopping = true;
      clearTimeout(timer);
      await starting;
      await runner?.stop();
    },
  };
}
