import { type Kysely, type Migration, type MigrationResult, Migrator } from 'kysely';

import { AppError } from '../../errors.js';
import type { Database } from '../tables.js';
import { isStoreUnavailable, storeUnavailable } from '../unavailable.js';
import * as initial from './0001-initial.js';
import * as bulkSync from './0002-bulk-sync.js';
import * as documentPaymentState from './0003-document-payment-state.js';
import * as creationLocks from './0004-creation-locks.js';
import * as noteOutbox from './0005-note-outbox.js';
import * as catchUp from './0006-catch-up.js';
import * as workerHeartbeats from './0007-worker-heartbeats.js';
import * as access from './0008-access.js';
import * as xeroRateBudgets from './0009-xero-rate-budgets.js';
import * as xeroOrgReference from './0010-xero-org-reference.js';
import * as runOwner from './0011-run-owner.js';
import * as queuedRunsIndex from './0012-queued-runs-index.js';
import * as inboxReceivedIndex from './0013-inbox-received-index.js';

/**
 * Migrations are TypeScript modules listed here (not files found at runtime), so they run from a
 * plain clone under tsx and from a build alike. Kysely applies them in name order; never rename one.
 * Each spells out its own tables and columns, even where they look like another's: a migration is
 * history, and a helper shared between them could change a migration that has already run.
 */
const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-bulk-sync': bulkSync,
  '0003-document-payment-state': documentPaymentState,
  '0004-creation-locks': creationLocks,
  '0005-note-outbox': noteOutbox,
  '0006-catch-up': catchUp,
  '0007-worker-heartbeats': workerHeartbeats,
  '0008-access': access,
  '0009-xero-rate-budgets': xeroRateBudgets,
  '0010-xero-org-reference': xeroOrgReference,
  '0011-run-owner': runOwner,
  '0012-queued-runs-index': queuedRunsIndex,
  '0013-inbox-received-index': inboxReceivedIndex,
};

function migrator(db: Kysely<Database>): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    // Kysely orders the known migrations by code unit (`sort()`) and, by default, those already run
    // with localeCompare, whose first call loads ICU's collation tables: 2 MB resident for the life
    // of the process (idle memory, issue 12). Code-unit order for both.
    nameComparator: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  });
}

/** The migrations this code knows that the database has not run (readiness, `doctor`). */
export async function pendingMigrations(db: Kysely<Database>): Promise<string[]> {
  const known = await migrator(db).getMigrations();
  return known.filter((migration) => migration.executedAt === undefined).map((m) => m.name);
}

export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationResult[]> {
  const { error, results = [] } = await migrator(db).migrateToLatest();
  if (error !== undefined) {
    // A database that cannot be reached is not a failed migration: say which it is, cause kept.
    if (isStoreUnavailable(error)) throw storeUnavailable(error);
    const failed = results.find((result) => result.status === 'Error')?.migrationName;
    throw new AppError(
      'store_migration_failed',
      failed === undefined
        ? 'Database migrations could not start'
        : `Database migration ${failed} failed`,
      { cause: error },
    );
  }
  return results;
}
