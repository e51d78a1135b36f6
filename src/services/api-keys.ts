import { randomBytes } from 'node:crypto';

import {
  type ApiKeyRecord,
  findLiveApiKey,
  insertApiKey,
  listApiKeys,
  revokeApiKey,
  touchApiKey,
} from '../store/repos/api-keys.js';
import { hashSecret, newSecret } from './access-secrets.js';
import { requireCompany } from './company.js';
import type { AppContext } from './context.js';

/**
 * Machines' access to one company's JSON API (docs/access.md): `pipedrive-xero keys create` prints a
 * key once; the store keeps its SHA-256, a name, and an optional expiry; `keys revoke` ends it.
 * Sent as `Authorization: Bearer pdxk_…`.
 */
export type ApiKeyDeps = Pick<AppContext, 'db' | 'clock'>;

export const API_KEY_PREFIX = 'pdxk_';
/** `last_used_at` is written at most this often per key, so reads stay reads. */
const TOUCH_EVERY_MS = 60_000;

export type { ApiKeyRecord };

export async function createApiKey(
  deps: ApiKeyDeps,
  companyId: number,
  options: { name: string; expiresAt?: Date },
): Promise<{ id: string; key: string }> {
  await requireCompany(deps.db, companyId);
  const id = randomBytes(6).toString('hex');
  const key = newSecret(API_KEY_PREFIX);
  await insertApiKey(deps.db, {
    id,
    companyId,
    keyHash: hashSecret(key),
    name: options.name,
    createdAt: deps.clock.now(),
    expiresAt: options.expiresAt ?? null,
  });
  return { id, key };
}

/** The live key this is; undefined for an unknown, revoked or expired key. */
export async function liveApiKey(deps: ApiKeyDeps, key: string): Promise<ApiKeyRecord | undefined> {
  if (!key.startsWith(API_KEY_PREFIX) || key.length > 200) return undefined;
  return findLiveApiKey(deps.db, hashSecret(key), deps.clock.now());
}

/** Notes that a key was accepted (for `keys list`), at most once a minute. */
export async function noteApiKeyUse(deps: ApiKeyDeps, key: ApiKeyRecord): Promise<void> {
  const now = deps.clock.now();
  if (key.lastUsedAt === null || now.getTime() - key.lastUsedAt.getTime() > TOUCH_EVERY_MS)
    await touchApiKey(deps.db, key.id, now);
}

export async function companyApiKeys(deps: ApiKeyDeps, companyId: number): Promise<ApiKeyRecord[]> {
  await requireCompany(deps.db, companyId);
  return listApiKeys(deps.db, companyId);
}

export async function revokeCompanyApiKey(
  deps: ApiKeyDeps,
  companyId: number,
  id: string,
): Promise<boolean> {
  return revokeApiKey(deps.db, companyId, id, deps.clock.now());
}
