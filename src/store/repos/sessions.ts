import type { Db } from '../db.js';
import { fromDbTime, toDbTime } from '../db.js';

/** People's sessions (services/sessions.ts); the id arrives here already hashed. */
export interface SessionRecord {
  companyId: number;
  userId: number;
  createdAt: Date;
  expiresAt: Date;
}

export async function insertSession(db: Db, idHash: string, session: SessionRecord): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id_hash: idHash,
      company_id: session.companyId,
      user_id: session.userId,
      created_at: toDbTime(session.createdAt),
      expires_at: toDbTime(session.expiresAt),
      revoked_at: null,
    })
    .execute();
}

/** The session of this hash if it is neither revoked nor expired at `now`. */
export async function findLiveSession(
  db: Db,
  idHash: string,
  now: Date,
): Promise<SessionRecord | undefined> {
  const row = await db
    .selectFrom('sessions')
    .selectAll()
    .where('id_hash', '=', idHash)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', toDbTime(now))
    .executeTakeFirst();
  if (row === undefined) return undefined;
  return {
    companyId: Number(row.company_id),
    userId: Number(row.user_id),
    createdAt: fromDbTime(row.created_at),
    expiresAt: fromDbTime(row.expires_at),
  };
}

export async function revokeSession(db: Db, idHash: string, now: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: toDbTime(now) })
    .where('id_hash', '=', idHash)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Every live session of one company (or of one of its users): signed out everywhere. */
export async function revokeCompanySessions(
  db: Db,
  companyId: number,
  now: Date,
  userId?: number,
): Promise<number> {
  let query = db
    .updateTable('sessions')
    .set({ revoked_at: toDbTime(now) })
    .where('company_id', '=', companyId)
    .where('revoked_at', 'is', null);
  if (userId !== undefined) query = query.where('user_id', '=', userId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Forgets sessions that ended before `before` (they can no longer be used). */
export async function deleteEndedSessions(db: Db, before: Date): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<', toDbTime(before)).execute();
}
