import { sql } from 'kysely';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';

import type { Clock } from '../clock.js';
import type { Db } from '../store/db.js';
import { oldestDueJobAt, queueCounts } from './status-report.js';
import type { VendorCall } from './vendor-fetch.js';

/**
 * The app's Prometheus metrics (prom-client, served at GET /metrics, docs/going-live.md).
 *
 * - Counted in this process: webhooks received, calls to Xero and Pipedrive by status (429s
 *   included, also counted on their own), token refreshes by outcome.
 * - Read from the store at each scrape, so any one process shows the whole installation (serve
 *   and every worker): runs by status, queue jobs by state, and the age of the oldest job due.
 *
 * One registry per app, not prom-client's global one: tests run several apps in one process.
 */
export interface AppMetrics {
  registry: Registry;
  vendorCall(call: VendorCall): void;
  webhookReceived(vendor: 'pipedrive' | 'xero', status: number): void;
}

export function createMetrics(deps: { db: Db; clock: Clock }): AppMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'pdx_' });
  const webhooks = new Counter({
    name: 'pdx_webhooks_received_total',
    help: 'Webhooks received, by vendor and the HTTP status answered',
    labelNames: ['vendor', 'status'],
    registers: [registry],
  });
  const calls = new Counter({
    name: 'pdx_vendor_calls_total',
    help: 'HTTP calls to Xero and Pipedrive, by vendor and status (network_error: no answer)',
    labelNames: ['vendor', 'status'],
    registers: [registry],
  });
  const rateLimited = new Counter({
    name: 'pdx_vendor_rate_limited_total',
    help: 'Calls answered 429 Too Many Requests, by vendor',
    labelNames: ['vendor'],
    registers: [registry],
  });
  const refreshes = new Counter({
    name: 'pdx_token_refreshes_total',
    help: 'OAuth token refreshes, by vendor and outcome (ok, refused, network_error)',
    labelNames: ['vendor', 'outcome'],
    registers: [registry],
  });
  // The store's gauges share one read per scrape: prom-client collects every metric at once.
  let last: { at: number; read: Promise<StoreSnapshot | undefined> } | undefined;
  const snapshot = () => {
    const now = deps.clock.now();
    if (last === undefined || now.getTime() - last.at > 1000)
      last = { at: now.getTime(), read: readStore(deps.db, now) };
    return last.read;
  };
  new Gauge({
    name: 'pdx_database_up',
    help: '1 when the last scrape could read the database, else 0',
    registers: [registry],
    async collect() {
      this.set((await snapshot()) === undefined ? 0 : 1);
    },
  });
  new Gauge({
    name: 'pdx_runs',
    help: 'Runs in the store, by status (succeeded, failed, waiting_fix, …)',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      const read = await snapshot();
      if (read === undefined) return;
      this.reset();
      for (const [status, count] of read.runs) this.set({ status }, count);
    },
  });
  new Gauge({
    name: 'pdx_queue_jobs',
    help: 'Jobs in the queue, by state (pending: due now; scheduled: later; running; failed)',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const read = await snapshot();
      if (read === undefined) return;
      for (const [state, count] of Object.entries(read.jobs)) this.set({ state }, count);
    },
  });
  new Gauge({
    name: 'pdx_queue_oldest_due_seconds',
    help: 'How long the oldest job due now has waited (0: none waits)',
    registers: [registry],
    async collect() {
      const read = await snapshot();
      if (read !== undefined) this.set(read.oldestDueSeconds);
    },
  });

  return {
    registry,
    vendorCall(call) {
      const status = String(call.status);
      calls.inc({ vendor: call.vendor, status });
      if (call.status === 429) rateLimited.inc({ vendor: call.vendor });
      if (call.kind === 'token_refresh') {
        const outcome =
          call.status === 'network_error'
            ? 'network_error'
            : call.status >= 200 && call.status < 300
              ? 'ok'
              : 'refused';
        refreshes.inc({ vendor: call.vendor, outcome });
      }
    },
    webhookReceived(vendor, status) {
      webhooks.inc({ vendor, status: String(status) });
    },
  };
}

interface StoreSnapshot {
  runs: [string, number][];
  jobs: Record<string, number>;
  oldestDueSeconds: number;
}

/** The store's figures now; undefined when the store cannot be read (pdx_database_up 0). */
async function readStore(db: Db, now: Date): Promise<StoreSnapshot | undefined> {
  try {
    const [byStatus, jobs, oldest] = await Promise.all([
      sql<{ status: string; count: string | number }>`
        select status, count(*) as count from runs group by status`.execute(db),
      queueCounts(db, now),
      oldestDueJobAt(db, now),
    ]);
    return {
      runs: byStatus.rows.map((row) => [row.status, Number(row.count)]),
      jobs,
      oldestDueSeconds:
        oldest === null ? 0 : Math.max(0, (now.getTime() - oldest.getTime()) / 1000),
    };
  } catch {
    return undefined;
  }
}
