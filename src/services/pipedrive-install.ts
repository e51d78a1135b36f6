import { randomBytes } from 'node:crypto';

import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { JobQueue } from '../queue/port.js';
import type { SecretBox } from '../secrets.js';
import { type Db, withTransaction } from '../store/db.js';
import {
  deleteCompany,
  getWebhookCredentials,
  setWebhookCredentials,
  upsertCompany,
} from '../store/repos/companies.js';
import { savePipedriveConnection } from '../store/repos/pipedrive-connections.js';
import { getXeroConnection } from '../store/repos/xero-connections.js';
import { scheduleCatchUp } from './catch-up.js';
import type { Connections } from './connections.js';
import { ensureDealWebhook, webhookUrl } from './deal-webhook.js';

/**
 * Installing and uninstalling the app for a Pipedrive company (pipedrive.md §1, §5.1).
 *
 * Install: exchange the code → users/me (company id and domain) → store company and grant (sealed)
 * → make sure exactly one webhook of ours exists (deal-webhook.ts), with Basic credentials unique
 * to the company. A re-install keeps the credentials and a good webhook. Only deal changes are
 * needed: stage moves and wins are both `change` events (https://pipedrive.readme.io/docs/guide-for-webhooks-v2). The company's periodic catch-up
 * (catch-up.ts) is scheduled from then on.
 */
export interface InstallDeps {
  db: Db;
  box: SecretBox;
  clock: Clock;
  logger: Logger;
  connections: Connections;
  queue: JobQueue;
  publicUrl: () => string;
  catchUpIntervalMs: number;
}

export interface Installed {
  companyId: number;
  domain: string;
  webhookId: number;
  xeroConnected: boolean;
}

export function pipedriveCallbackUrl(publicUrl: string): string {
  return `${publicUrl}/oauth/pipedrive/callback`;
}

export async function installPipedrive(deps: InstallDeps, code: string): Promise<Installed> {
  const { db, box, clock, connections } = deps;
  const tokens = await connections.pipedriveOAuth.exchangeCode(
    code,
    pipedriveCallbackUrl(deps.publicUrl()),
  );
  const me = await connections.pipedriveWithToken(tokens.apiDomain, tokens.accessToken).getMe();
  const companyId = me.company_id;
  const now = clock.now();
  const credentials = await withTransaction(db, async (trx) => {
    await upsertCompany(trx, {
      id: companyId,
      domain: me.company_domain,
      apiDomain: tokens.apiDomain,
      installedAt: now,
    });
    await savePipedriveConnection(
      trx,
      box,
      {
        companyId,
        userId: me.id,
        accessToken: tokens.accessToken,
        refreshToken: tokens.refreshToken,
        expiresAt: tokens.expiresAt,
        status: 'active',
      },
      now,
    );
    const existing = await getWebhookCredentials(trx, box, companyId);
    if (existing !== undefined) return { credentials: existing, fresh: false };
    const created = {
      user: `pdx-${companyId}`,
      password: randomBytes(24).toString('base64url'),
    };
    await setWebhookCredentials(trx, box, companyId, created);
    return { credentials: created, fresh: true };
  });
  const client = await connections.pipedriveFor(companyId);
  const { webhook } = await ensureDealWebhook(
    client,
    webhookUrl(deps.publicUrl(), companyId),
    credentials.credentials,
    { renew: credentials.fresh },
  );
  const webhookId = webhook.id;
  await scheduleCatchUp(deps.queue, companyId, new Date(now.getTime() + deps.catchUpIntervalMs));
  const xero = await getXeroConnection(db, box, companyId);
  deps.logger.info({ companyId, webhookId }, 'pipedrive: company installed');
  return { companyId, domain: me.company_domain, webhookId, xeroConnected: xero !== undefined };
}

/** Uninstall (§1.9): every row of the company goes (the store cascades). */
export async function uninstallPipedrive(
  deps: Pick<InstallDeps, 'db' | 'logger'>,
  companyId: number,
) {
  const deleted = await deleteCompany(deps.db, companyId);
  deps.logger.info({ companyId, deleted }, 'pipedrive: company uninstalled, its data deleted');
  return deleted;
}
