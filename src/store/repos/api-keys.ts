import type { Db } from '../db.js';
import { fromDbTime, fromDbTimeOrNull, toDbTime } from '../db.js';

/** Machines' API keys (services/api-keys.ts); the key arrives here already hashed. */
export interface ApiKeyRecord {
  id: string;
  companyId: number;
  name: string;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

export async function insertApiKey(
  db: Db,
  key: Omit<ApiKeyRecord, 'revokedAt' | 'lastUsedAt'> & { keyHash: string },
): Promise<void> {
  await db
    .insertInto('api_keys')
    .values({
      id: key.id,
      company_id: key.companyId,
      key_hash: key.keyHash,
      name: key.name,
      created_at: toDbTime(key.createdAt),
      expires_at: key.expiresAt === null ? null : toDbTime(key.expiresAt),
      revoked_at: null,
      last_used_at: null,
    })
    .execute();
}

/** The key of this hash if it is neither revoked nor expired at `now`. */
export async function findLiveApiKey(
  db: Db,
  keyHash: string,
  now: Date,
): Promise<ApiKeyRecord | undefined> {
  const row = await db
    .selectFrom('api_keys')
    .selectAll()
    .where('key_hash', '=', keyHash)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', toDbTime(now))]))
    .executeTakeFirst();
  return row === undefined ? undefined : rowToKey(row);
}

export async function listApiKeys(db: Db, companyId: number): Promise<ApiKeyRecord[]> {
  const rows = await db
    .selectFrom('api_keys')
    .selectAll()
    .where('company_id', '=', companyId)
    .orderBy('created_at')
    .execute();
  return rows.map(rowToKey);
}

/** Revokes one key of the company; false when it has no such live key. */
export async function revokeApiKey(
  db: Db,
  companyId: number,
  id: string,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('api_keys')
    .set({ revoked_at: toDbTime(now) })
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function touchApiKey(db: Db, id: string, now: Date): Promise<void> {
  await db
    .updateTable('api_keys')
    .set({ last_used_at: toDbTime(now) })
    .where('id', '=', id)
    .execute();
}

function rowToKey(row: {
  id: string;
  company_id: number;
  name: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
}): ApiKeyRecord {
  return {
    id: row.id,
    companyId: Number(row.company_id),
    name: row.name,
    createdAt: fromDbTime(row.created_at),
    expiresAt: fromDbTimeOrNull(row.expires_at),
    revokedAt: fromDbTimeOrNull(row.revoked_at),
    lastUsedAt: fromDbTimeOrNull(row.last_used_at),
  };
}
