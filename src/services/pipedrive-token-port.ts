import type { Clock } from '../clock.js';
import { KeyedLock } from '../keyed-lock.js';
import type { PipedriveApiError } from '../pipedrive/errors.js';
import type { PipedriveTokenSet } from '../pipedrive/oauth.js';
import type { PipedriveTokenPort } from '../pipedrive/token-manager.js';
import type { SecretBox } from '../secrets.js';
import type { Db } from '../store/db.js';
import { getCompany } from '../store/repos/companies.js';
import {
  getPipedriveConnection,
  savePipedriveConnection,
  setPipedriveConnectionStatus,
} from '../store/repos/pipedrive-connections.js';

/**
 * The durable PipedriveTokenPort; a connection id is the company id (the company's active grant).
 * Pipedrive does not rotate refresh tokens (docs/vendors/pipedrive.md §1.4), so an in-process lock is enough: a
 * second process refreshing at the same time costs a spare refresh, never the connection. A refresh
 * refused with invalid_grant marks the grant needs_reauth (the company must install again).
 */
export function createPipedriveTokenPort(deps: {
  db: Db;
  box: SecretBox;
  clock: Clock;
}): PipedriveTokenPort {
  const { db, box, clock } = deps;
  const locks = new KeyedLock();
  const markNeedsReauth = async (companyId: number) => {
    const current = await getPipedriveConnection(db, box, companyId);
    if (current === undefined) return;
    await setPipedriveConnectionStatus(
      db,
      current.companyId,
      current.userId,
      'needs_reauth',
      clock.now(),
    );
  };

  return {
    async load(connectionId) {
      const companyId = Number(connectionId);
      const [connection, company] = await Promise.all([
        getPipedriveConnection(db, box, companyId),
        getCompany(db, companyId),
      ]);
      if (connection === undefined || company === undefined) return undefined;
      return {
        accessToken: connection.accessToken,
        refreshToken: connection.refreshToken,
        expiresAt: connection.expiresAt,
        apiDomain: company.apiDomain,
        scope: [],
      };
    },
    async save(connectionId, tokens: PipedriveTokenSet) {
      const companyId = Number(connectionId);
      const current = await getPipedriveConnection(db, box, companyId);
      if (current === undefined) return;
      await savePipedriveConnection(
        db,
        box,
        {
          ...current,
          accessToken: tokens.accessToken,
          refreshToken: tokens.refreshToken,
          expiresAt: tokens.expiresAt,
        },
        clock.now(),
      );
    },
    withRefreshLock(connectionId, work) {
      return locks.run(connectionId, async () => {
        try {
          return await work();
        } catch (error) {
          // Marked before the next refresh of this connection starts, so it sees the mark.
          if ((error as PipedriveApiError).code === 'pipedrive_reauthorization_required') {
            await markNeedsReauth(Number(connectionId));
          }
          throw error;
        }
      });
    },
  };
}
