import type { ErrorCode } from '../../errors/catalogue.js';
import { type Db, fromDbTime, toDbTime } from '../db.js';
import type { BulkSyncStatus, BulkSyncWhat } from '../tables.js';

/** A bulk sync's progress: saved after every page, read back to resume (sync/usecases/bulk-sync.ts). */
export interface BulkSyncKey {
  companyId: number;
  tenantId: string;
  what: BulkSyncWhat;
}

export interface BulkFailure {
  id: string;
  code: ErrorCode;
  message: string;
}

export interface BulkSyncState extends BulkSyncKey {
  runId: string;
  status: BulkSyncStatus;
  cursor: string | null;
  done: number;
  failed: BulkFailure[];
  startedAt: Date;
  updatedAt: Date;
}

export async function getBulkSync(db: Db, key: BulkSyncKey): Promise<BulkSyncState | undefined> {
  const row = await db
    .selectFrom('bulk_syncs')
    .selectAll()
    .where('company_id', '=', key.companyId)
    .where('tenant_id', '=', key.tenantId)
    .where('what', '=', key.what)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  return {
    companyId: row.company_id,
    tenantId: row.tenant_id,
    what: row.what,
    runId: row.run_id,
    status: row.status,
    cursor: row.cursor,
    done: row.done,
    failed: JSON.parse(row.failed) as BulkFailure[],
    startedAt: fromDbTime(row.started_at),
    updatedAt: fromDbTime(row.updated_at),
  };
}

/** Writes the whole state (one row per key). */
export async function saveBulkSync(db: Db, state: BulkSyncState): Promise<void> {
  const changes = {
    run_id: state.runId,
    status: state.status,
    cursor: state.cursor,
    done: state.done,
    failed: JSON.stringify(state.failed),
    started_at: toDbTime(state.startedAt),
    updated_at: toDbTime(state.updatedAt),
  };
  await db
    .insertInto('bulk_syncs')
    .values({
      company_id: state.companyId,
      tenant_id: state.tenantId,
      what: state.what,
      ...changes,
    })
    .onConflict((oc) => oc.columns(['company_id', 'tenant_id', 'what']).doUpdateSet(changes))
    .execute();
}
