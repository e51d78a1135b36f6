import { sql } from 'kysely';

import type { Db } from '../store/db.js';
import { pendingMigrations } from '../store/migrations/index.js';

/**
 * Readiness (GET /health/ready, `doctor`): can this process do its work now? Liveness is only "the
 * process answers" (GET /health/live): an orchestrator restarts a process that is not live, and
 * sends no traffic to one that is not ready (a database outage makes every process unready, and
 * restarting them would not help).
 */
export interface ReadinessCheck {
  name: 'database' | 'migrations' | 'queue';
  ok: boolean;
  detail: string;
}

export interface Readiness {
  ok: boolean;
  checks: ReadinessCheck[];
}

/** How long the database may take to answer `select 1` before it counts as unreachable. */
const DATABASE_TIMEOUT_MS = 3000;

export async function readiness(
  db: Db,
  /** This process's job queue: whether it takes jobs here (start, worker) and is doing so. */
  queue: { takesJobs: boolean; running: boolean },
): Promise<Readiness> {
  const checks: ReadinessCheck[] = [];
  const database = await reachable(db);
  checks.push(database);
  if (database.ok) {
    const pending = await pendingMigrations(db).catch((error: unknown) => [String(error)]);
    checks.push(
      pending.length === 0
        ? { name: 'migrations', ok: true, detail: 'all applied' }
        : {
            name: 'migrations',
            ok: false,
            detail: `not applied: ${pending.join(', ')} (run \`pipedrive-xero migrate\`)`,
          },
    );
  } else {
    checks.push({ name: 'migrations', ok: false, detail: 'unknown: the database is unreachable' });
  }
  checks.push(
    !queue.takesJobs
      ? { name: 'queue', ok: true, detail: 'this process takes no jobs (worker processes do)' }
      : queue.running
        ? { name: 'queue', ok: true, detail: 'taking jobs' }
        : { name: 'queue', ok: false, detail: 'stopped' },
  );
  return { ok: checks.every((check) => check.ok), checks };
}

async function reachable(db: Db): Promise<ReadinessCheck> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${DATABASE_TIMEOUT_MS} ms`)),
      DATABASE_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([sql`select 1`.execute(db), timeout]);
    return { name: 'database', ok: true, detail: 'reachable' };
  } catch (error) {
    return {
      name: 'database',
      ok: false,
      detail: `unreachable: ${error instanceof Error ? error.message : String(error)}`,
    };
  } finally {
    clearTimeout(timer);
  }
}
