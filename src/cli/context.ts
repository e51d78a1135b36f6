import { type App, createApp } from '../app.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { chooseCompany } from '../services/company.js';
import { UsageError } from './failure.js';
import { withSandboxVendorsIfSandbox } from './sandbox-vendors.js';

/** What every command gets from main.ts: the parsed config and the process logger. */
export type CliContext = () => { config: Config; logger: Logger };

/** Runs `work` with an app that is closed afterwards (one-shot commands: status, replay, …). */
export async function withApp<T>(context: CliContext, work: (app: App) => Promise<T>): Promise<T> {
  const { config, logger } = context();
  const app = await createApp(await withSandboxVendorsIfSandbox(config), { logger });
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

/**
 * A long-running command (serve, worker, start): the app built and started by `start`, then kept
 * until SIGINT/SIGTERM (closeOnSignal).
 */
export async function runUntilSignal(
  context: CliContext,
  start: (app: App) => Promise<void>,
): Promise<App> {
  const { config, logger } = context();
  const app = await createApp(await withSandboxVendorsIfSandbox(config), { logger });
  exitLoudly(logger);
  await start(app);
  closeOnSignal(() => app.close(), logger);
  return app;
}

/**
 * An error nothing caught ends a long-running process (its state is unknown; the supervisor or the
 * campaign restarts it, and the queue's lease hands its jobs on) — but with a log line that says
 * what and where, in the log format the rest of the process uses, never silently.
 */
function exitLoudly(logger: Logger): void {
  const fatal = (error: unknown, origin: string) => {
    logger.fatal({ err: error, origin }, 'process: an error nothing handled; exiting');
    process.exit(1);
  };
  process.on('uncaughtException', (error, origin) => fatal(error, origin));
  process.on('unhandledRejection', (reason) => fatal(reason, 'unhandledRejection'));
}

/**
 * Longest a graceful stop may take before the process exits anyway. The queue itself gives running
 * jobs 8 s (then gives them up so they run again); this bounds the rest (HTTP requests in flight,
 * closing pools). Docker sends SIGKILL 10 s after SIGTERM by default, Kubernetes 30 s.
 */
const SHUTDOWN_DEADLINE_MS = 20_000;

/**
 * On SIGINT/SIGTERM: stop answering HTTP, stop taking jobs and let running ones finish, close the
 * pools (all in `close`), then exit 0; exit 1 if that fails or outlasts the deadline. A second
 * signal exits at once (Ctrl-C twice), leaving running jobs to be taken over after their lease.
 */
export function closeOnSignal(close: () => Promise<void>, logger: Logger): void {
  let closing = false;
  const stop = (signal: NodeJS.Signals) => {
    if (closing) {
      logger.warn({ signal }, 'shutdown: second signal, exiting now');
      process.exit(1);
    }
    closing = true;
    logger.info({ signal }, 'shutdown: finishing requests and running jobs');
    setTimeout(() => {
      logger.error({ deadlineMs: SHUTDOWN_DEADLINE_MS }, 'shutdown: too slow, exiting now');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    close().then(
      () => {
        logger.info('shutdown: done');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown: failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** `--company` (which must be installed), or the one installed company; an error naming the choices otherwise. */
export function pickCompany(app: App, given: number | undefined): Promise<number> {
  return chooseCompany(app.db, given);
}

/**
 * commander's parser for ids (`--company`, a deal): a positive integer, or a usage error before
 * anything is opened or written (`sync deal abc` once left a run queued for deal NaN).
 */
export function positiveId(what: string): (value: string) => number {
  return (value) => {
    if (!/^[1-9][0-9]{0,14}$/.test(value))
      throw new UsageError(`${what} must be a positive whole number; got "${value}"`);
    return Number(value);
  };
}
