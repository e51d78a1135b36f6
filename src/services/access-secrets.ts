import { createHash, randomBytes } from 'node:crypto';

/**
 * The random secrets of access (docs/access.md): session ids, API keys, OAuth `state` values and
 * browser nonces are 256-bit random strings, stored only as their SHA-256, so a copy of the store
 * opens nothing. With that much entropy a plain hash is enough (no salt or slow hash needed).
 */
export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
