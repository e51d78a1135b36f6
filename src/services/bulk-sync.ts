import { AppError } from '../errors.js';
import { type BulkSyncState, getBulkSync } from '../store/repos/bulk-sync.js';
import { getXeroConnection } from '../store/repos/xero-connections.js';
import { BULK_SYNC_WHATS, type BulkSyncWhat } from '../store/tables.js';
import { bulkSync, type BulkSyncInput, type BulkSyncResult } from '../sync/usecases/bulk-sync.js';
import type { AppContext } from './context.js';
import { buildSyncDeps, type SyncDepsContext } from './sync-deps.js';

// The page's vocabulary, named here: routes import services only.
export type { BulkSyncState, BulkSyncWhat };
export { BULK_SYNC_WHATS };

/**
 * Every customer or product of a company → Xero (sync/usecases/bulk-sync.ts): from the settings
 * page, one bulk-sync job per company and kind (its job key joins a second click to the waiting
 * job), with the progress it saves after every page, which the page polls while a pass runs; from
 * the CLI, the same pass in the foreground.
 */
export async function startBulkSync(
  deps: Pick<AppContext, 'db' | 'box' | 'queue'>,
  companyId: number,
  what: BulkSyncWhat,
): Promise<void> {
  if ((await getXeroConnection(deps.db, deps.box, companyId)) === undefined) {
    throw new AppError('xero_not_connected', 'Connect a Xero organisation first');
  }
  await deps.queue.enqueue(
    'bulk-sync',
    { companyId, what },
    { jobKey: `bulk-sync:${companyId}:${what}` },
  );
}

/**
 * `sync customers|products` in the foreground: the same pass the job runs, resumed where a saved
 * one stopped, reporting each page's progress.
 */
export async function runBulkSyncNow(
  deps: SyncDepsContext,
  companyId: number,
  input: Omit<BulkSyncInput, 'cursor'>,
): Promise<BulkSyncResult> {
  return bulkSync(await buildSyncDeps(deps, companyId), input);
}

/** The saved progress of the pass into the connected organisation; undefined if none ran. */
export async function bulkSyncState(
  deps: Pick<AppContext, 'db' | 'box'>,
  companyId: number,
  what: BulkSyncWhat,
): Promise<BulkSyncState | undefined> {
  const xero = await getXeroConnection(deps.db, deps.box, companyId);
  if (xero === undefined) return undefined;
  return getBulkSync(deps.db, { companyId, tenantId: xero.tenantId, what });
}
