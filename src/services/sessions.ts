import { createHash } from 'node:crypto';

import {
  deleteEndedSessions,
  findLiveSession,
  insertSession,
  revokeCompanySessions,
  revokeSession,
  type SessionRecord,
} from '../store/repos/sessions.js';
import { hashSecret, newSecret } from './access-secrets.js';
import type { AppContext } from './context.js';

/**
 * A person's session (docs/access.md): made after Pipedrive vouched for an admin of the company
 * (services/sign-in.ts), kept server-side so it expires and can be revoked; the browser holds only
 * its id, in an HttpOnly cookie. Its CSRF token is derived from the id (a one-way hash the page
 * carries in every form), so a page of another site, which can neither read the cookie nor our
 * pages, cannot forge a form.
 */
export type SessionDeps = Pick<AppContext, 'db' | 'clock'>;

/** How long a session lasts: a working session; Pipedrive's iframe signs in again when reopened. */
export const SESSION_TTL_MS = 2 * 60 * 60_000;

export interface Session extends SessionRecord {
  /** The synchronizer token every form of this session posts (`_csrf`). */
  csrf: string;
}

export async function startSession(
  deps: SessionDeps,
  who: { companyId: number; userId: number },
): Promise<{ id: string; session: Session }> {
  const id = newSecret();
  const now = deps.clock.now();
  const record = {
    ...who,
    createdAt: now,
    expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
  };
  // Sessions that have ended can never be used again: swept as new ones start.
  await deleteEndedSessions(deps.db, now);
  await insertSession(deps.db, hashSecret(id), record);
  return { id, session: { ...record, csrf: csrfOf(id) } };
}

/** The live session of a cookie's id; undefined when unknown, expired or revoked. */
export async function sessionOf(deps: SessionDeps, id: string): Promise<Session | undefined> {
  const record = await findLiveSession(deps.db, hashSecret(id), deps.clock.now());
  return record === undefined ? undefined : { ...record, csrf: csrfOf(id) };
}

export async function endSession(deps: SessionDeps, id: string): Promise<void> {
  await revokeSession(deps.db, hashSecret(id), deps.clock.now());
}

/** Signs out every session of the company (or of one of its users); how many ended. */
export async function endCompanySessions(
  deps: SessionDeps,
  companyId: number,
  userId?: number,
): Promise<number> {
  return revokeCompanySessions(deps.db, companyId, deps.clock.now(), userId);
}

function csrfOf(sessionId: string): string {
  return createHash('sha256').update(`csrf:${sessionId}`).digest('base64url');
}
