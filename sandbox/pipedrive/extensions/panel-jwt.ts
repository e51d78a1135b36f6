import { SignJWT } from 'jose';

import type { SandboxClock } from '../../common/clock.js';
import type { PipedriveAppSeed } from '../world.js';

/** The identities a panel/custom-UI token vouches for. */
export interface PanelIdentity {
  userId: number;
  companyId: number;
}

export interface PanelTokenOptions {
  /** Lifetime; default 300 s (docs/vendors/pipedrive.md §7.4: get_signed_token is valid 5 min; panels unconfirmed). */
  expiresInSeconds?: number;
  /** Issue the token this many seconds in the past (tests: an already-expired token). */
  backdateSeconds?: number;
  /** Sign with this instead of the app's secret (tests: a bad signature). */
  secret?: string;
}

/** The secret Pipedrive signs with: the extension's JWT secret, else the client secret (§7.1, DC-7668). */
export function panelSecret(app: PipedriveAppSeed): string {
  return app.jwtSecret ?? app.clientSecret;
}

/** HS256 JWT with payload {userId, companyId, iat, exp} (§7.1, §9 item 18). */
export async function signPanelToken(
  app: PipedriveAppSeed,
  identity: PanelIdentity,
  clock: SandboxClock,
  options: PanelTokenOptions = {},
): Promise<string> {
  const iat = Math.floor(clock.now() / 1000) - (options.backdateSeconds ?? 0);
  return new SignJWT({ userId: identity.userId, companyId: identity.companyId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(iat)
    .setExpirationTime(iat + (options.expiresInSeconds ?? 300))
    .sign(new TextEncoder().encode(options.secret ?? panelSecret(app)));
}
