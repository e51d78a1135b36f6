import type { Clock } from '../clock.js';
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
 * Pipedrive does not rotate refresh tokens (pipedrive.md §1.4), so an in-process lock is enough: a
 * second process refreshing at the same time costs a spare refresh, never the connection. A refresh
 * refused with invalid_grant marks the grant needs_reauth (the company must install again).
 */
export function createPipedriveTokenPort(deps: {
  db: Db;
  box: SecretBox;
  clock: Clock;
}): PipedriveTokenPort {
  const { db, box, clock } = deps;
  const locks = new Map<string, Promise<unknown>>();

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
    async withRefreshLock(connectionId, work) {
      const previous = locks.get(connectionId) ?? Promise.resolve();
      const turn = previous.catch(() => undefined).then(work);
      const settled = turn.catch(() => undefined);
      locks.set(connectionId, settled);
      try {
        return await turn;
      } catch (error) {
        if ((error as PipedriveApiError).code === 'pipedrive_reauthorization_required') {
          const current = await getPipedriveConnection(db, box, Number(connectionId));
          if (current !== undefined) {
            await setPipedriveConnectionStatus(
              db,
              current.companyId,
              current.userId,
              'needs_reauth',
              clock.now(),
            );
          }
        }
        throw error;
      } finally {
        if (locks.get(connectionId) === settled) locks.delete(connectionId);
      }
    },
  };
}
