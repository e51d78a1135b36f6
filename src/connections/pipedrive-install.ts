import { randomBytes } from 'node:crypto';

import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { PipedriveClient } from '../pipedrive/client.js';
import type { SecretBox } from '../secrets.js';
import { type Db, withTransaction } from '../store/db.js';
import {
  deleteCompany,
  getWebhookCredentials,
  setWebhookCredentials,
  upsertCompany,
  type WebhookCredentials,
} from '../store/repos/companies.js';
import { savePipedriveConnection } from '../store/repos/pipedrive-connections.js';
import { getXeroConnection } from '../store/repos/xero-connections.js';
import type { Connections } from './connections.js';

/**
 * Installing and uninstalling the app for a Pipedrive company (pipedrive.md §1, §5.1).
 *
 * Install: exchange the code → users/me (company id and domain) → store company and grant (sealed)
 * → make sure exactly one webhook of ours exists: `change` of `deal`, pointing at
 * PUBLIC_URL/webhooks/pipedrive/<company>, with Basic credentials unique to the company. A
 * re-install keeps the credentials and the webhook; webhooks of ours with another URL or event are
 * deleted, so nothing is delivered twice. Only deal changes are needed: stage moves and wins are
 * both `change` events (§5.4).
 */
export interface InstallDeps {
  db: Db;
  box: SecretBox;
  clock: Clock;
  logger: Logger;
  connections: Connections;
  publicUrl: () => string;
}

export interface Installed {
  companyId: number;
  domain: string;
  webhookId: number;
  xeroConnected: boolean;
}

export const WEBHOOK_NAME = 'pipedrive-xero: deal changes';

export function pipedriveCallbackUrl(publicUrl: string): string {
  return `${publicUrl}/oauth/pipedrive/callback`;
}

export function webhookUrl(publicUrl: string, companyId: number): string {
  return `${publicUrl}/webhooks/pipedrive/${companyId}`;
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
  const webhookId = await ensureWebhook(
    client,
    webhookUrl(deps.publicUrl(), companyId),
    credentials.credentials,
    credentials.fresh,
  );
  const xero = await getXeroConnection(db, box, companyId);
  deps.logger.info({ companyId, webhookId }, 'pipedrive: company installed');
  return { companyId, domain: me.company_domain, webhookId, xeroConnected: xero !== undefined };
}

/** One `change`/`deal` webhook at `url`; others of ours are removed (a moved PUBLIC_URL, old creds). */
async function ensureWebhook(
  client: PipedriveClient,
  url: string,
  credentials: WebhookCredentials,
  freshCredentials: boolean,
): Promise<number> {
  const ours = (await client.listWebhooks()).filter(
    (webhook) => webhook.name === WEBHOOK_NAME || webhook.subscription_url === url,
  );
  // New credentials mean an old webhook would send the old password: it cannot be kept.
  const keep = freshCredentials
    ? undefined
    : ours.find(
        (webhook) =>
          webhook.subscription_url === url &&
          webhook.event_action === 'change' &&
          webhook.event_object === 'deal',
      );
  for (const webhook of ours) {
    if (webhook !== keep) await client.deleteWebhook(webhook.id);
  }
  if (keep !== undefined) return keep.id;
  const created = await client.createWebhook({
    subscriptionUrl: url,
    eventAction: 'change',
    eventObject: 'deal',
    name: WEBHOOK_NAME,
    httpAuthUser: credentials.user,
    httpAuthPassword: credentials.password,
  });
  return created.id;
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
