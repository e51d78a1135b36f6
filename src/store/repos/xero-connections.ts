import { KeyedLock } from '../../keyed-lock.js';
import type { SecretBox } from '../../secrets.js';
import { type Db, dialectOf, fromDbTime, toDbTime, withTransaction } from '../db.js';
import type { ConnectionStatus, XeroConnectionRow } from '../tables.js';

/**
 * The one Xero organisation a company is connected to. Tokens are sealed at rest (invariant 6).
 * Token rotation (invariant 3): Xero refresh tokens are single-use, so a refresh happens inside
 * `lockXeroConnection` (lock, re-read, then act — nango refresh.ts) and stores the new pair with
 * `rotateXeroTokens` before anyone uses it; `tokenVersion` is the optimistic backstop.
 */
export interface XeroConnection {
  companyId: number;
  tenantId: string;
  tenantName: string;
  shortCode: string | null;
  connectionId: string;
  authEventId: string | null;
  accessToken: string;
  refreshToken: string;
  accessExpiresAt: Date;
  status: ConnectionStatus;
  tokenVersion: number;
}

export type XeroConnectionInput = Omit<XeroConnection, 'status' | 'tokenVersion'>;

export interface XeroTokenRotation {
  companyId: number;
  /** The version read under the lock; the write is refused if another writer got there first. */
  expectedVersion: number;
  accessToken: string;
  refreshToken: string;
  accessExpiresAt: Date;
}

function rowToConnection(box: SecretBox, row: XeroConnectionRow): XeroConnection {
  return {
    companyId: row.company_id,
    tenantId: row.tenant_id,
    tenantName: row.tenant_name,
    shortCode: row.short_code,
    connectionId: row.connection_id,
    authEventId: row.auth_event_id,
    accessToken: box.open(row.access_token_enc),
    refreshToken: box.open(row.refresh_token_enc),
    accessExpiresAt: fromDbTime(row.access_expires_at),
    status: row.status,
    tokenVersion: row.token_version,
  };
}

/** Connects (or reconnects) the company's organisation: one per company, the new one replaces it. */
export async function saveXeroConnection(
  db: Db,
  box: SecretBox,
  input: XeroConnectionInput,
  at: Date,
): Promise<XeroConnection> {
  const values = {
    tenant_id: input.tenantId,
    tenant_name: input.tenantName,
    short_code: input.shortCode,
    connection_id: input.connectionId,
    auth_event_id: input.authEventId,
    access_token_enc: box.seal(input.accessToken),
    refresh_token_enc: box.seal(input.refreshToken),
    access_expires_at: toDbTime(input.accessExpiresAt),
    status: 'active' as const,
    updated_at: toDbTime(at),
  };
  const row = await db
    .insertInto('xero_connections')
    .values({ company_id: input.companyId, created_at: toDbTime(at), token_version: 0, ...values })
    .onConflict((oc) =>
      oc.column('company_id').doUpdateSet((eb) => ({
        ...values,
        token_version: eb('xero_connections.token_version', '+', 1),
      })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return rowToConnection(box, row);
}

export async function getXeroConnection(
  db: Db,
  box: SecretBox,
  companyId: number,
): Promise<XeroConnection | undefined> {
  const row = await db
    .selectFrom('xero_connections')
    .selectAll()
    .where('company_id', '=', companyId)
    .executeTakeFirst();
  return row === undefined ? undefined : rowToConnection(box, row);
}

/** The tenant the company is connected to, without opening its tokens (a job's budget check). */
export async function getXeroTenantId(db: Db, companyId: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('xero_connections')
    .select('tenant_id')
    .where('company_id', '=', companyId)
    .executeTakeFirst();
  return row?.tenant_id;
}

/** Companies connected to a Xero tenant (Xero webhooks name only the tenant). */
export async function findCompanyIdsByTenant(db: Db, tenantId: string): Promise<number[]> {
  const rows = await db
    .selectFrom('xero_connections')
    .select('company_id')
    .where('tenant_id', '=', tenantId)
    .execute();
  return rows.map((row) => row.company_id);
}

/**
 * Stores a rotated token pair if nobody rotated since `expectedVersion` was read. Returns the new
 * version, or undefined when the write lost the race (the caller must re-read, not retry blindly).
 */
export async function rotateXeroTokens(
  db: Db,
  box: SecretBox,
  rotation: XeroTokenRotation,
  at: Date,
): Promise<number | undefined> {
  const result = await db
    .updateTable('xero_connections')
    .set({
      access_token_enc: box.seal(rotation.accessToken),
      refresh_token_enc: box.seal(rotation.refreshToken),
      access_expires_at: toDbTime(rotation.accessExpiresAt),
      status: 'active',
      token_version: rotation.expectedVersion + 1,
      updated_at: toDbTime(at),
    })
    .where('company_id', '=', rotation.companyId)
    .where('token_version', '=', rotation.expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n ? rotation.expectedVersion + 1 : undefined;
}

/** Xero refused the refresh token (invalid_grant): the user must connect again. */
export async function markXeroNeedsReauth(db: Db, companyId: number, at: Date): Promise<void> {
  await db
    .updateTable('xero_connections')
    .set({ status: 'needs_reauth', updated_at: toDbTime(at) })
    .where('company_id', '=', companyId)
    .execute();
}

export async function deleteXeroConnection(db: Db, companyId: number): Promise<boolean> {
  const result = await db
    .deleteFrom('xero_connections')
    .where('company_id', '=', companyId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/**
 * Runs `fn` holding the company's Xero connection lock, with the connection as it is *now*
 * (re-read under the lock), and a handle to write through. Use it for token refresh:
 * lock → re-read → if still expired, refresh → rotateXeroTokens(handle, …) → use.
 *
 * - PostgreSQL: a transaction holding `SELECT … FOR UPDATE` on the row, so refreshes of one
 *   connection are serialised across every process (scale-out).
 * - SQLite (embedded, one process): an in-process mutex per company and no transaction, so the
 *   single SQLite connection is not held during the HTTP call to Xero; token_version still
 *   refuses a stale write from a second process.
 * Both also serialise in-process callers, so one process sends one refresh, not one per job.
 */
export async function lockXeroConnection<T>(
  db: Db,
  box: SecretBox,
  companyId: number,
  fn: (connection: XeroConnection | undefined, handle: Db) => Promise<T>,
): Promise<T> {
  return withLocalLock(db, `xero:${companyId}`, () => {
    if (dialectOf(db) === 'sqlite') {
      return getXeroConnection(db, box, companyId).then((connection) => fn(connection, db));
    }
    return withTransaction(db, async (trx) => {
      const row = await trx
        .selectFrom('xero_connections')
        .selectAll()
        .where('company_id', '=', companyId)
        .forUpdate()
        .executeTakeFirst();
      return fn(row === undefined ? undefined : rowToConnection(box, row), trx);
    });
  });
}

// Per database handle, so two stores in one process (tests) never share locks.
const localLocks = new WeakMap<Db, KeyedLock>();

function withLocalLock<T>(db: Db, key: string, fn: () => Promise<T>): Promise<T> {
  let locks = localLocks.get(db);
  if (locks === undefined) {
    locks = new KeyedLock();
    localLocks.set(db, locks);
  }
  return locks.run(key, fn);
}
