import { insertOAuthState, takeOAuthState } from '../store/repos/oauth-states.js';
import { hashSecret, newSecret } from './access-secrets.js';
import type { AppContext } from './context.js';

/**
 * OAuth `state` values (docs/access.md; RFC 6749 §10.12): random, stored server-side, single use,
 * good for 15 minutes, and bound to the browser that started the flow by a nonce in its cookie. A
 * callback whose state was used already, expired, or was started in another browser (a login-CSRF:
 * someone else's consent sent to the victim) is refused before its code is exchanged.
 */
export type OAuthStateDeps = Pick<AppContext, 'db' | 'clock'>;

/** Long enough to sign in and consent, no longer. */
export const OAUTH_STATE_TTL_MS = 15 * 60_000;

export type OAuthPurpose = 'pipedrive-install' | 'pipedrive-sign-in' | 'xero-connect';

export interface OAuthStart {
  purpose: OAuthPurpose;
  companyId?: number;
  /** Where the browser goes once signed in (a path of this app). */
  returnTo?: string;
}

/** A fresh browser nonce, for the cookie of a browser that has none. */
export const newBrowserNonce = (): string => newSecret();

export async function issueOAuthState(
  deps: OAuthStateDeps,
  browserNonce: string,
  start: OAuthStart,
): Promise<string> {
  const state = newSecret();
  await insertOAuthState(
    deps.db,
    hashSecret(state),
    {
      browserHash: hashSecret(browserNonce),
      purpose: start.purpose,
      companyId: start.companyId ?? null,
      returnTo: start.returnTo ?? null,
      expiresAt: new Date(deps.clock.now().getTime() + OAUTH_STATE_TTL_MS),
    },
    deps.clock.now(),
  );
  return state;
}

/** What a callback's state was issued for, used up now; undefined when it must be refused. */
export async function takeState(
  deps: OAuthStateDeps,
  state: string | undefined,
  browserNonce: string | undefined,
  purposes: readonly OAuthPurpose[],
): Promise<(OAuthStart & { purpose: OAuthPurpose }) | undefined> {
  if (state === undefined || state.length > 200 || browserNonce === undefined) return undefined;
  const taken = await takeOAuthState(
    deps.db,
    hashSecret(state),
    hashSecret(browserNonce),
    deps.clock.now(),
  );
  if (taken === undefined) return undefined;
  if (!purposes.includes(taken.purpose as OAuthPurpose)) return undefined;
  return {
    purpose: taken.purpose as OAuthPurpose,
    ...(taken.companyId !== null && { companyId: taken.companyId }),
    ...(taken.returnTo !== null && { returnTo: taken.returnTo }),
  };
}
