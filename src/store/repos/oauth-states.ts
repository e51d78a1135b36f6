import type { Db } from '../db.js';
import { toDbTime } from '../db.js';

/** OAuth `state` nonces (services/oauth-states.ts); state and browser nonce arrive hashed. */
export interface OAuthStateRecord {
  browserHash: string;
  purpose: string;
  companyId: number | null;
  returnTo: string | null;
  expiresAt: Date;
}

export async function insertOAuthState(
  db: Db,
  stateHash: string,
  state: OAuthStateRecord,
  now: Date,
): Promise<void> {
  // Expired states of anyone are swept on the way: they can no longer be used.
  await db.deleteFrom('oauth_states').where('expires_at', '<', toDbTime(now)).execute();
  await db
    .insertInto('oauth_states')
    .values({
      state_hash: stateHash,
      browser_hash: state.browserHash,
      purpose: state.purpose,
      company_id: state.companyId,
      return_to: state.returnTo,
      expires_at: toDbTime(state.expiresAt),
    })
    .execute();
}

/**
 * Takes the state out (single use) if it was issued to this browser: the row is deleted by this one
 * statement, so of two callbacks racing with the same state only one gets it. Another browser's
 * attempt changes nothing.
 */
export async function takeOAuthState(
  db: Db,
  stateHash: string,
  browserHash: string,
  now: Date,
): Promise<OAuthStateRecord | undefined> {
  const row = await db
    .deleteFrom('oauth_states')
    .where('state_hash', '=', stateHash)
    .where('browser_hash', '=', browserHash)
    .returningAll()
    .executeTakeFirst();
  if (row === undefined || row.expires_at <= toDbTime(now)) return undefined;
  return {
    browserHash: row.browser_hash,
    purpose: row.purpose,
    companyId: row.company_id === null ? null : Number(row.company_id),
    returnTo: row.return_to,
    expiresAt: new Date(row.expires_at),
  };
}
