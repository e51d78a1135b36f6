import { type Db, fromDbTime, toDbTime } from '../db.js';

/**
 * Creation locks (migration 0004): a row per record being created in Xero. Each step is one
 * statement, so it is atomic on SQLite and PostgreSQL alike and no transaction is held while the
 * holder talks to Xero (on SQLite a transaction would hold the process's only connection).
 *
 * States of a row: absent (free) → held by `owner` until `expires_at` → absent again once released;
 * a row past `expires_at` is free to take over (its holder died or is far too slow).
 */
export interface CreationLockKey {
  companyId: number;
  tenantId: string;
  name: string;
}

/** `heldUntil`: when the current holder's claim lapses; absent when it was released meanwhile. */
export type LockAttempt = { acquired: true } | { acquired: false; heldUntil?: Date };

export async function tryAcquireCreationLock(
  db: Db,
  key: CreationLockKey,
  owner: string,
  now: Date,
  expiresAt: Date,
): Promise<LockAttempt> {
  const claim = { owner, expires_at: toDbTime(expiresAt) };
  const inserted = await db
    .insertInto('creation_locks')
    .values({ company_id: key.companyId, tenant_id: key.tenantId, name: key.name, ...claim })
    .onConflict((oc) => oc.columns(['company_id', 'tenant_id', 'name']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return { acquired: true };
  const taken = await whereKey(db.updateTable('creation_locks').set(claim), key)
    .where('expires_at', '<=', toDbTime(now))
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) > 0) return { acquired: true };
  const held = await whereKey(
    db.selectFrom('creation_locks').select('expires_at'),
    key,
  ).executeTakeFirst();
  return held ? { acquired: false, heldUntil: fromDbTime(held.expires_at) } : { acquired: false };
}

/** Moves the end of `owner`'s claim (a live holder renews it); false when it is no longer its. */
export async function renewCreationLock(
  db: Db,
  key: CreationLockKey,
  owner: string,
  expiresAt: Date,
): Promise<boolean> {
  const renewed = await whereKey(
    db.updateTable('creation_locks').set({ expires_at: toDbTime(expiresAt) }),
    key,
  )
    .where('owner', '=', owner)
    .executeTakeFirst();
  return Number(renewed.numUpdatedRows) > 0;
}

/** Frees the lock if `owner` still holds it (a holder whose claim was taken over frees nothing). */
export async function releaseCreationLock(
  db: Db,
  key: CreationLockKey,
  owner: string,
): Promise<void> {
  await whereKey(db.deleteFrom('creation_locks'), key).where('owner', '=', owner).execute();
}

function whereKey<
  Q extends {
    where(column: 'company_id' | 'tenant_id' | 'name', op: '=', value: number | string): Q;
  },
>(query: Q, key: CreationLockKey): Q {
  return query
    .where('company_id', '=', key.companyId)
    .where('tenant_id', '=', key.tenantId)
    .where('name', '=', key.name);
}
