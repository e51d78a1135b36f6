import { randomBytes, randomUUID } from 'node:crypto';

import { SignJWT } from 'jose';

import type { SandboxClock } from '../../common/clock.js';
import type { XeroUserSeed } from '../world.js';

/**
 * Access tokens: JWT-shaped (HS256, claims of docs/vendors/xero.md §1.2) so clients that decode them work, but
 * the sandbox decides validity from its own table, which lets tests expire them on demand.
 */
export const ACCESS_TOKEN_TTL_SECONDS = 30 * 60;
const ID_TOKEN_TTL_SECONDS = 5 * 60;

export interface AccessTokenRecord {
  token: string;
  grantId: string;
  clientId: string;
  userId: string;
  authEventId: string;
  scopes: string[];
  expiresAtMs: number;
}

export type AccessCheck =
  | { ok: true; record: AccessTokenRecord }
  | { ok: false; reason: 'expired'; expiredAtMs: number }
  | { ok: false; reason: 'invalid' };

export interface MintInput {
  issuer: string;
  grantId: string;
  clientId: string;
  clientSecret: string;
  user: XeroUserSeed;
  authEventId: string;
  scopes: string[];
}

export class AccessTokenStore {
  private readonly secret = randomBytes(32);
  private readonly sessionId = randomUUID();
  private tokens = new Map<string, AccessTokenRecord>();

  constructor(private readonly clock: SandboxClock) {}

  async mint(input: MintInput): Promise<{ accessToken: string; idToken?: string }> {
    const nowSeconds = Math.floor(this.clock.now() / 1000);
    const exp = nowSeconds + ACCESS_TOKEN_TTL_SECONDS;
    const accessToken = await new SignJWT({
      nbf: nowSeconds,
      iss: input.issuer,
      aud: `${input.issuer}/resources`,
      client_id: input.clientId,
      sub: input.user.userId,
      auth_time: nowSeconds,
      idp: 'sandbox',
      xero_userid: input.user.userId,
      global_session_id: this.sessionId,
      jti: randomUUID(),
      authentication_event_id: input.authEventId,
      scope: input.scopes,
      amr: ['pwd'],
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt(nowSeconds)
      .setExpirationTime(exp)
      .sign(this.secret);
    this.tokens.set(accessToken, {
      token: accessToken,
      grantId: input.grantId,
      clientId: input.clientId,
      userId: input.user.userId,
      authEventId: input.authEventId,
      scopes: input.scopes,
      expiresAtMs: exp * 1000,
    });
    if (!input.scopes.includes('openid')) return { accessToken };
    // The id_token is signed with the client secret (OIDC allows HS256 for confidential clients).
    const idToken = await new SignJWT({
      nbf: nowSeconds,
      iss: input.issuer,
      aud: input.clientId,
      sub: input.user.userId,
      auth_time: nowSeconds,
      sid: this.sessionId,
      xero_userid: input.user.userId,
      global_session_id: this.sessionId,
      preferred_username: input.user.email,
      email: input.user.email,
      given_name: input.user.givenName,
      family_name: input.user.familyName,
      amr: ['pwd'],
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt(nowSeconds)
      .setExpirationTime(nowSeconds + ID_TOKEN_TTL_SECONDS)
      .sign(new TextEncoder().encode(input.clientSecret));
    return { accessToken, idToken };
  }

  check(token: string): AccessCheck {
    const record = this.tokens.get(token);
    if (!record) return { ok: false, reason: 'invalid' };
    if (this.clock.now() >= record.expiresAtMs) {
      return { ok: false, reason: 'expired', expiredAtMs: record.expiresAtMs };
    }
    return { ok: true, record };
  }

  /** Expires one token, or every token, now (control route for tests). Returns how many changed. */
  expire(token?: string): number {
    const now = this.clock.now();
    let changed = 0;
    for (const record of this.tokens.values()) {
      if ((token === undefined || record.token === token) && record.expiresAtMs > now) {
        record.expiresAtMs = now;
        changed += 1;
      }
    }
    return changed;
  }

  count(): number {
    return this.tokens.size;
  }
}
