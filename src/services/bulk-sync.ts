import { AppError } from '../errors.js';
import { type BulkSyncState, getBulkSync } from '../store/repos/bulk-sync.js';
import type { BulkSyncWhat } from '../store/tables.js';
import { getXeroConnection } from '../store/repos/xero-connections.js';
import type { AppContext } from './context.js';

export type { BulkSyncState, BulkSyncWhat };

/**
 * "Sync all customers/products" from the settings page: one bulk-sync job per company and kind
 * (its job key joins a second click to the waiting job; sync/usecases/bulk-sync.ts runs it), and
 * the progress it saves after every page, which the page polls while a pass runs.
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
