import type { SecretBox } from '../../secrets.js';
import { type Db, fromDbTime, toDbTime } from '../db.js';
import type { ConnectionStatus, PipedriveConnectionRow } from '../tables.js';

/** The OAuth grant of one Pipedrive user in one company. Tokens are sealed at rest (invariant 6). */
export interface PipedriveConnection {
  companyId: number;
  userId: number;
  accessToken: string;
  refreshToken: string;
  expiresAt: Date;
  status: ConnectionStatus;
}

function rowToConnection(box: SecretBox, row: PipedriveConnectionRow): PipedriveConnection {
  return {
    companyId: row.company_id,
    userId: row.user_id,
    accessToken: box.open(row.access_token_enc),
    refreshToken: box.open(row.refresh_token_enc),
    expiresAt: fromDbTime(row.expires_at),
    status: row.status,
  };
}

/** Inserts or replaces the user's grant (install, re-install, refresh). */
export async function savePipedriveConnection(
  db: Db,
  box: SecretBox,
  connection: PipedriveConnection,
  at: Date,
): Promise<void> {
  const tokens = {
    access_token_enc: box.seal(connection.accessToken),
    refresh_token_enc: box.seal(connection.refreshToken),
    expires_at: toDbTime(connection.expiresAt),
    status: connection.status,
    updated_at: toDbTime(at),
  };
  await db
    .insertInto('pipedrive_connections')
    .values({
      company_id: connection.companyId,
      user_id: connection.userId,
      created_at: toDbTime(at),
      ...tokens,
    })
    .onConflict((oc) => oc.columns(['company_id', 'user_id']).doUpdateSet(tokens))
    .execute();
}

/**
 * The company's usable grant: an active one, most recently refreshed first (any installing user's
 * grant can act for the company).
 */
export async function getPipedriveConnection(
  db: Db,
  box: SecretBox,
  companyId: number,
): Promise<PipedriveConnection | undefined> {
  const row = await db
    .selectFrom('pipedrive_connections')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('status', '=', 'active')
    .orderBy('updated_at', 'desc')
    .executeTakeFirst();
  return row === undefined ? undefined : rowToConnection(box, row);
}

export async function setPipedriveConnectionStatus(
  db: Db,
  companyId: number,
  userId: number,
  status: ConnectionStatus,
  at: Date,
): Promise<void> {
  await db
    .updateTable('pipedrive_connections')
    .set({ status, updated_at: toDbTime(at) })
    .where('company_id', '=', companyId)
    .where('user_id', '=', userId)
    .execute();
}

/** Whether this user's grant is one of the company's (the uninstall of anyone else keeps them). */
export async function hasPipedriveGrantOf(
  db: Db,
  companyId: number,
  userId: number,
): Promise<boolean> {
  const row = await db
    .selectFrom('pipedrive_connections')
    .select('user_id')
    .where('company_id', '=', companyId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}
