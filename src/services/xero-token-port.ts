import { AsyncLocalStorage } from 'node:async_hooks';

import type { Clock } from '../clock.js';
import type { SecretBox } from '../secrets.js';
import type { Db } from '../store/db.js';
import {
  getXeroConnection,
  lockXeroConnection,
  markXeroNeedsReauth,
  rotateXeroTokens,
} from '../store/repos/xero-connections.js';
import type { XeroTokenPort } from '../xero/token-manager.js';

/**
 * The durable XeroTokenPort: the company's Xero connection row, tokens sealed (invariant 6), the
 * refresh serialised by the store's lockXeroConnection (invariant 3). Inside the lock every read and
 * write goes through the lock's handle — on PostgreSQL that is the transaction holding
 * `SELECT … FOR UPDATE`, and writing through another connection would wait on our own lock.
 * A needs_reauth mark made under the lock is written after it: the refresh that failed throws, which
 * rolls the lock's transaction back.
 */
export function createXeroTokenPort(deps: { db: Db; box: SecretBox; clock: Clock }): XeroTokenPort {
  const { db, box, clock } = deps;
  const locked = new AsyncLocalStorage<{ handle: Db; needsReauth: boolean }>();
  const handle = () => locked.getStore()?.handle ?? db;

  return {
    async load(companyId) {
      const connection = await getXeroConnection(handle(), box, Number(companyId));
      if (connection === undefined) return undefined;
      return {
        accessToken: connection.accessToken,
        refreshToken: connection.refreshToken,
        expiresAt: connection.accessExpiresAt,
        version: connection.tokenVersion,
        ...(connection.status === 'needs_reauth' && {
          needsReauth: `Xero refused the stored grant of "${connection.tenantName}"; connect Xero again`,
        }),
      };
    },
    async saveRotated(companyId, expectedVersion, tokens) {
      const version = await rotateXeroTokens(
        handle(),
        box,
        { companyId: Number(companyId), expectedVersion, ...pair(tokens) },
        clock.now(),
      );
      return version !== undefined;
    },
    async withRefreshLock(companyId, fn) {
      const context = { handle: db, needsReauth: false };
      try {
        return await lockXeroConnection(db, box, Number(companyId), (_connection, lockHandle) => {
          context.handle = lockHandle;
          return locked.run(context, fn);
        });
      } finally {
        // After the lock: the refresh failed, so its transaction rolled back and the mark with it.
        if (context.needsReauth) await markXeroNeedsReauth(db, Number(companyId), clock.now());
      }
    },
    async markNeedsReauth(companyId) {
      const inside = locked.getStore();
      if (inside !== undefined) inside.needsReauth = true;
      else await markXeroNeedsReauth(db, Number(companyId), clock.now());
    },
  };
}

function pair(tokens: { accessToken: string; refreshToken: string; expiresAt: Date }) {
  return {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    accessExpiresAt: tokens.expiresAt,
  };
}
