/**
 * Child process of queue-crash.test.ts: runs the embedded queue against the SQLite file given as
 * argv[2] with a lease of argv[3] ms, reports each job it starts on stdout, and never finishes one,
 * so the parent can kill it with SIGKILL mid-job.
 */
import { createEmbeddedQueue } from '../../src/queue/embedded.js';
import { openDatabase } from '../../src/store/db.js';
import { documentHandlers } from '../support/queue-kit.js';

const [url, leaseMs] = process.argv.slice(2);
if (url === undefined || leaseMs === undefined) throw new Error('usage: <database url> <lease ms>');

const store = openDatabase(url);
const queue = createEmbeddedQueue({ db: store.db, pollIntervalMs: 50, leaseMs: Number(leaseMs) });
queue.events.on('job:start', (info) => {
  process.stdout.write(`${JSON.stringify({ started: info.id, attempt: info.attempt })}\n`);
});
await queue.start(
  documentHandlers(() => new Promise<void>(() => undefined)),
  { concurrency: 1 },
);
