import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { JobQueue } from '../queue/port.js';
import type { SecretBox } from '../secrets.js';
import type { Db } from '../store/db.js';
import type { AppLinks } from '../sync/ports.js';
import type { Connections } from './connections.js';

/**
 * What the application services work with, built once by app.ts: the store, the queue, this
 * process's vendor clients and the links. A route, a job handler and a CLI command hand
 * the same object to the same service, so each acts exactly as the others do. A service names the
 * part it uses (`Pick<AppContext, …>`), and that part is all its tests build.
 */
export interface AppContext {
  db: Db;
  /** Seals and opens the secrets the store keeps (invariant 6). */
  box: SecretBox;
  clock: Clock;
  logger: Logger;
  connections: Connections;
  queue: JobQueue;
  links: AppLinks;
  /** Where vendors and browsers reach the app; read on each use (PORT=0 is known after listen). */
  publicUrl: () => string;
  /** Time between two catch-up checks of a company (config CATCH_UP_INTERVAL_MS). */
  catchUpIntervalMs: number;
  /**
   * How long work left by a crashed process stays taken (config QUEUE_LEASE_MS): jobs, a catch-up
   * check's lease, creation locks.
   */
  queueLeaseMs: number;
  /** Documents per company per month in the plan (config PLAN_MONTHLY_QUOTA). */
  planMonthlyQuota: number;
}
