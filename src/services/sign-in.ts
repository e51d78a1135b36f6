import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import { verifyPanelToken } from '../pipedrive/panel-jwt.js';
import type { PipedriveUser } from '../pipedrive/types.js';
import { isCompanyAdmin } from '../pipedrive/users.js';
import { requireCompany } from './company.js';
import type { AppContext } from './context.js';
import { type Session, startSession } from './sessions.js';

/**
 * How a person becomes a session (docs/access.md). Pipedrive vouches for who they are; the app then
 * asks Pipedrive whether they are an admin of the company (never assumed from a token):
 * - inside Pipedrive, the app's settings page is opened in an iframe with Pipedrive's signed token
 *   (docs/vendors/pipedrive.md §7.4: HS256 with the app's JWT secret or client secret, `userId` and
 *   `companyId`, valid 5 minutes); the company's own grant then reads that user
 *   (GET /v1/users/{id}, §3.11);
 * - outside, Pipedrive OAuth: the user's own grant reads GET /v1/users/me (services/pipedrive-install.ts).
 */
export type SignInDeps = Pick<AppContext, 'db' | 'clock' | 'connections' | 'logger'>;

export interface PipedriveIframeQuery {
  token: string;
  companyId: number;
  userId: number;
}

export async function signInFromPipedrive(
  deps: SignInDeps,
  jwtSecret: string,
  query: PipedriveIframeQuery,
): Promise<{ id: string; session: Session }> {
  const verified = await verifyPanelToken(query.token, jwtSecret, query, deps.clock as Clock);
  if (!verified.ok) {
    throw new AppError(
      'access_denied',
      `Pipedrive's token was refused (${verified.refusal.message}); reopen the page in Pipedrive`,
    );
  }
  await requireCompany(deps.db, verified.companyId);
  const client = await deps.connections.pipedriveFor(verified.companyId);
  let user: PipedriveUser | undefined;
  try {
    user = await client.getUser(verified.userId);
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'pipedrive_not_found') throw error;
  }
  if (user === undefined || !isCompanyAdmin(user)) throw notAdmin();
  deps.logger.info(
    { companyId: verified.companyId, userId: verified.userId },
    'access: signed in from Pipedrive',
  );
  return startSession(deps, { companyId: verified.companyId, userId: verified.userId });
}

/** The plain-words refusal of a user Pipedrive does not call an admin. */
export function notAdmin(): AppError {
  return new AppError(
    'not_company_admin',
    'Only an admin of this Pipedrive company can do this. Ask an admin of your company to do it; nothing was changed.',
  );
}
