import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * SQLite's WAL checkpoints on a thread of their own, off the event loop.
 *
 * A commit appends pages to the WAL and syncs it (db.ts: WAL, synchronous FULL); a checkpoint
 * copies them into the database file and syncs that. By default SQLite checkpoints in the
 * connection that commits once the WAL holds 1,000 pages, which with better-sqlite3 is the event
 * loop: a few milliseconds, tens when the disk is busy, in which no request is read or answered.
 * That was most of the webhook intake's p99 (bench/intake.bench.ts: 9 ms; 14 with another process
 * writing to the disk; 4 and 5.5 with this thread).
 *
 * Once the WAL first reaches SQLite's own point (so that an idle process or a short CLI command
 * never spends the thread's memory), a worker thread with a connection of its own checkpoints every
 * INTERVAL_MS in PASSIVE mode, which neither waits for nor blocks the app's readers and writers.
 * The app's connection still checkpoints itself at BACKSTOP_PAGES (db.ts): should the thread fail,
 * and because the WAL starts again from its beginning only after a checkpoint that leaves no page
 * behind, which under steady writes only the writer's own does: the thread has copied all but the
 * last few pages by then, so that one is short. Durability is SQLite's either way: a checkpoint
 * syncs the WAL before copying it and the database file before the WAL is reused, whichever
 * connection runs it, and a crash in the middle of one loses nothing.
 */

/** The app connection's own checkpoints: 10,000 pages of 4 KiB, a 40 MB WAL. */
export const BACKSTOP_PAGES = 10_000;

export interface WalCheckpointerOptions {
  /** The thread starts once the WAL file is this large: SQLite's point (1,000 pages) by default. */
  startBytes?: number;
  /** How often the WAL's size is looked at until then. */
  watchMs?: number;
  intervalMs?: number;
  /** A failure of the thread; the app's own checkpoints (BACKSTOP_PAGES) carry on without it. */
  onError?: (error: Error) => void;
}

export interface WalCheckpointer {
  /** Whether the thread has been started. */
  readonly started: boolean;
  /** Stops the thread (after a checkpoint it is in) and closes its connection. */
  close(): Promise<void>;
}

const INTERVAL_MS = 100;

// The thread, as CommonJS source: a file of its own would need TypeScript compiled for a worker,
// which `bin/` running the sources through tsx does not do.
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
// As a plain Error: the driver's own reaches the app's thread as an object without its message.
const fail = (error) => {
  throw new Error(error.code ? error.code + ': ' + error.message : error.message);
};
let db;
try {
  db = new Database(workerData.filename, { fileMustExist: true });
} catch (error) {
  fail(error);
}
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    // Another connection holds a lock a moment (a WAL being started again, a recovery): next time.
    if (error.code !== 'SQLITE_BUSY' && error.code !== 'SQLITE_LOCKED') fail(error);
  }
}, workerData.intervalMs);
parentPort.once('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export function createWalCheckpointer(
  filename: string,
  options: WalCheckpointerOptions = {},
): WalCheckpointer {
  const startBytes = options.startBytes ?? 1000 * 4096;
  let worker: Worker | undefined;
  let exited: Promise<void> = Promise.resolve();

  const start = () => {
    clearInterval(watch);
    worker = new Worker(THREAD, {
      eval: true,
      workerData: {
        driver: createRequire(import.meta.url).resolve('better-sqlite3'),
        filename,
        intervalMs: options.intervalMs ?? INTERVAL_MS,
      },
    });
    // Never what keeps the process alive; a process that exits stops it wherever it is, which
    // SQLite recovers from as from any crash.
    worker.unref();
    worker.on('error', (error) => options.onError?.(error));
    exited = new Promise((resolve) => worker!.once('exit', () => resolve()));
  };
  const watch = setInterval(() => {
    const size = statSync(`${filename}-wal`, { throwIfNoEntry: false })?.size ?? 0;
    if (size >= startBytes) start();
  }, options.watchMs ?? 1000);
  watch.unref();

  return {
    get started() {
      return worker !== undefined;
    },
    async close() {
      clearInterval(watch);
      // Waited for, it is what the process waits on.
      worker?.ref();
      worker?.postMessage('close');
      await exited;
    },
  };
}
