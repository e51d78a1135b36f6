import { createHmac } from 'node:crypto';

import type { FastifyInstance } from 'fastify';

import { type Clock, systemClock } from './clock.js';
import type { Config } from './config.js';
import type { HttpDeps } from './http/deps.js';
import { buildOpsServer, buildServer } from './http/server.js';
import { createLogger, type Logger } from './logger.js';
import { createEmbeddedQueue } from './queue/embedded.js';
import type { JobQueue } from './queue/port.js';
import { createSecretBox } from './secrets.js';
import { scheduleAllCatchUps } from './services/catch-up.js';
import {
  type Connections,
  createConnections,
  type XeroLimitOptions,
} from './services/connections.js';
import { startNoteSweeps } from './services/deal-notes.js';
import { resolveEncryptionKey } from './services/encryption-key.js';
import { sweepInbox } from './services/inbox-sweep.js';
import { createJobHandlers } from './services/job-handlers.js';
import { createAppLinks } from './services/links.js';
import { type Db, type OpenDatabase, openDatabase } from './store/db.js';
import { migrateToLatest } from './store/migrations/index.js';

/**
 * The composition root: the only module that knows config, store, queue, clients and HTTP together
 * (docs/architecture.md). `createApp` opens and migrates the store and wires everything without listening
 * or taking jobs; the CLI then calls `listen` (serve), `startWorker` (worker) or both (start).
 *
 * States: created → listening and/or working → closed. `close` stops the HTTP server (requests in
 * flight are answered), stops taking jobs (running ones get a bounded time to finish, see the
 * queue's stop), then closes the store.
 */
export interface App {
  http: FastifyInstance;
  queue: JobQueue;
  db: Db;
  /** What routes and commands use; one object so CLI commands act exactly as the routes do. */
  deps: HttpDeps;
  connections: Connections;
  logger: Logger;
  /** Listens on config.host:port (0: a free one) and returns the URL; PUBLIC_URL follows a port 0. */
  listen(): Promise<string>;
  /**
   * A worker's ops listener on config.host:opsPort (OPS_PORT), with the probes and metrics only;
   * its URL, or undefined when OPS_PORT is unset.
   */
  listenOps(): Promise<string | undefined>;
  /**
   * Processes events left unprocessed by a crash, schedules every company's catch-up, then takes
   * jobs and sweeps the notes outbox.
   */
  startWorker(): Promise<void>;
  close(): Promise<void>;
}

export interface AppOverrides {
  clock?: Clock;
  logger?: Logger;
  fetch?: typeof fetch;
  /** An already open store (tests); closed by close() only if the app opened it. */
  database?: OpenDatabase;
  /** Embedded queue polling for jobs written by another process; 1000 ms by default. */
  pollIntervalMs?: number;
  /** Bring the store to the latest schema first (default); `doctor` looks without changing it. */
  migrate?: boolean;
  /** Xero's limits as the app's limiter keeps them (tests lower them); Xero's own by default. */
  xeroLimits?: XeroLimitOptions;
}

export async function createApp(config: Config, overrides: AppOverrides = {}): Promise<App> {
  const clock = overrides.clock ?? systemClock;
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const encryptionKey = resolveEncryptionKey(config, logger);
  const box = createSecretBox(encryptionKey, config.previousEncryptionKeys);
  // Names this installation without revealing its key: GET /health/live shows it, and `doctor`
  // compares it to find out whether PUBLIC_URL reaches this installation or another one.
  const instanceId = createHmac('sha256', Buffer.from(encryptionKey, 'base64'))
    .update('pipedrive-xero instance id')
    .digest('base64url')
    .slice(0, 16);
  const database =
    overrides.database ??
    openDatabase(config.databaseUrl, {
      // One line per connection, without pg's uninformative stack.
      onConnectionError: (error) =>
        logger.warn(
          { reason: error.message, code: (error as { code?: string }).code },
          'store: a database connection was lost; the next query opens a new one',
        ),
      onCheckpointerError: (error) =>
        logger.warn(
          { reason: error.message },
          "store: SQLite's checkpoint thread failed; the app's connection checkpoints alone",
        ),
    });
  if (overrides.migrate ?? true) await migrateToLatest(database.db);
  const db = database.db;

  let publicUrl = config.publicUrl;
  const links = createAppLinks(() => publicUrl, config.xero.webUrl);
  // GET /metrics is off without METRICS_TOKEN (but in sandbox mode): nothing is counted then, and
  // prom-client, its collectors and their timers are not loaded (idle memory, issue 12).
  const metrics =
    config.metricsToken !== '' || config.sandboxMode
      ? (await import('./services/metrics.js')).createMetrics({ db, clock })
      : undefined;
  const connections = createConnections({
    config,
    db,
    box,
    clock,
    logger,
    ...(metrics !== undefined && { observeCall: (call) => metrics.vendorCall(call) }),
    ...(overrides.fetch !== undefined && { fetch: overrides.fetch }),
    ...(overrides.xeroLimits !== undefined && { xeroLimits: overrides.xeroLimits }),
  });
  // Embedded mode: the store's jobs table; scale-out (PostgreSQL): graphile-worker, loaded only
  // then (it is a tenth of an embedded start-up).
  const queue =
    database.dialect === 'postgres'
      ? (await import('./queue/graphile.js')).createGraphileQueue({
          connectionString: config.databaseUrl,
          db,
          clock,
          leaseMs: config.worker.leaseMs,
          logger,
          ...(overrides.pollIntervalMs !== undefined && {
            pollIntervalMs: overrides.pollIntervalMs,
          }),
        })
      : createEmbeddedQueue({
          db,
          clock,
          logger,
          leaseMs: config.worker.leaseMs,
          ...(overrides.pollIntervalMs !== undefined && {
            pollIntervalMs: overrides.pollIntervalMs,
          }),
        });
  logQueueEvents(queue, logger);
  const worker = { takesJobs: false, running: false };
  const deps: HttpDeps = {
    db,
    box,
    clock,
    logger,
    connections,
    queue,
    links,
    sandboxMode: config.sandboxMode,
    pipedriveOAuthUrl: config.pipedrive.oauthUrl,
    rateLimitPerMinute: config.rateLimitPerMinute,
    pipedriveClient: {
      clientId: config.pipedrive.clientId,
      clientSecret: config.pipedrive.clientSecret,
    },
    xeroWebhookKey: config.xero.webhookKey,
    publicUrl: () => publicUrl,
    planMonthlyQuota: config.planMonthlyQuota,
    catchUpIntervalMs: config.catchUp.intervalMs,
    queueLeaseMs: config.worker.leaseMs,
    metrics,
    metricsToken: config.metricsToken,
    instanceId,
    queueState: () => ({ ...worker }),
  };
  const http = buildServer(deps);
  const ops =
    config.opsPort === undefined
      ? undefined
      : { port: config.opsPort, server: buildOpsServer(deps) };
  let noteSweeps: { stop(): void } | undefined;

  return {
    http,
    queue,
    db,
    deps,
    connections,
    logger,
    async listen() {
      const address = await http.listen({ port: config.port, host: config.host });
      const port = new URL(address).port;
      if (publicUrl === 'http://localhost:0') publicUrl = `http://127.0.0.1:${port}`;
      logger.info({ address, publicUrl }, 'http: listening');
      return address;
    },
    async listenOps() {
      if (ops === undefined) return undefined;
      const address = await ops.server.listen({ port: ops.port, host: config.host });
      logger.info({ address }, 'ops: listening');
      return address;
    },
    async startWorker() {
      worker.takesJobs = true;
      const swept = await sweepInbox(deps);
      if (swept > 0) logger.info({ swept }, 'inbox: processed events left by a crash');
      await scheduleAllCatchUps(deps);
      await queue.start(createJobHandlers(deps), {
        concurrency: config.worker.concurrency,
        companyShare: config.worker.companyShare,
      });
      worker.running = true;
      noteSweeps = await startNoteSweeps(deps);
      logger.info({ concurrency: config.worker.concurrency }, 'worker: taking jobs');
    },
    async close() {
      worker.running = false;
      noteSweeps?.stop();
      // HTTP first: a request in flight may still enqueue, and the queue's pool must be open for it.
      await http.close();
      await ops?.server.close();
      await queue.stop();
      if (overrides.database === undefined) await database.close();
    },
  };
}

function logQueueEvents(queue: JobQueue, logger: Logger): void {
  queue.events.on('job:success', (info) =>
    logger.info({ jobId: info.id, job: info.name, payload: info.payload }, 'job succeeded'),
  );
  queue.events.on('job:retry', (info) =>
    logger.warn(
      {
        jobId: info.id,
        job: info.name,
        attempt: info.attempt,
        delayMs: info.delayMs,
        err: info.error,
      },
      'job will be retried',
    ),
  );
  // Not a failure: the job's Xero organisation has no budget left before then (issue 12).
  queue.events.on('job:deferred', (info) =>
    logger.debug(
      { jobId: info.id, job: info.name, until: new Date(info.untilMs).toISOString() },
      'job deferred until its Xero organisation has budget',
    ),
  );
  queue.events.on('job:failure', (info) =>
    logger.error(
      { jobId: info.id, job: info.name, reason: info.reason, err: info.error },
      'job failed for good',
    ),
  );
}
