import { createHmac, timingSafeEqual } from 'node:crypto';

import type { Clock } from '../clock.js';

/**
 * Small signed tokens for the browser round trips: OAuth `state` (CSRF: the callback only accepts a
 * state we issued, and only until it expires) and the company link token that opens
 * /oauth/xero/connect and the /api routes outside sandbox mode, and the replay link of one run that a
 * deal note carries (README "Access").
 * Format: base64url(JSON payload) "." base64url(HMAC-SHA256). The HMAC key is derived from the
 * encryption key, so no second secret is needed, and a sealing key never signs directly.
 */
export type TokenPurpose = 'pipedrive-install' | 'xero-connect' | 'company' | 'replay';

/** How long an OAuth `state` stays good: long enough to sign in and consent, no longer. */
export const OAUTH_STATE_TTL_MS = 15 * 60_000;

export interface Signer {
  sign(purpose: TokenPurpose, data: Record<string, unknown>, ttlMs?: number): string;
  /** The data of a genuine, unexpired token of this purpose; undefined otherwise. */
  verify(token: string, purpose: TokenPurpose): Record<string, unknown> | undefined;
}

export function createSigner(
  encryptionKey: string,
  clock: Clock,
  /** During a key rotation, tokens signed under a previous key still verify (secrets.ts). */
  previousKeys: readonly string[] = [],
): Signer {
  const derive = (encryption: string) =>
    createHmac('sha256', Buffer.from(encryption, 'base64'))
      .update('pipedrive-xero signed tokens v1')
      .digest();
  const keys = [encryptionKey, ...previousKeys].map(derive);
  const macWith = (key: Buffer, body: string) => createHmac('sha256', key).update(body).digest();
  const mac = (body: string) => macWith(keys[0]!, body);

  return {
    sign(purpose, data, ttlMs) {
      const payload = {
        ...data,
        p: purpose,
        ...(ttlMs !== undefined && { exp: clock.now().getTime() + ttlMs }),
      };
      const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
      return `${body}.${mac(body).toString('base64url')}`;
    },
    verify(token, purpose) {
      const [body, signature, ...rest] = token.split('.');
      if (body === undefined || signature === undefined || rest.length > 0) return undefined;
      const given = Buffer.from(signature, 'base64url');
      const genuine = keys.some((key) => {
        const expected = macWith(key, body);
        return given.length === expected.length && timingSafeEqual(given, expected);
      });
      if (!genuine) return undefined;
      let payload: Record<string, unknown>;
      try {
        payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<
          string,
          unknown
        >;
      } catch {
        return undefined;
      }
      if (payload['p'] !== purpose) return undefined;
      if (typeof payload['exp'] === 'number' && payload['exp'] < clock.now().getTime())
        return undefined;
      return payload;
    },
  };
}
