import { randomBytes, randomUUID } from 'node:crypto';

import { withTransaction } from '../store/db.js';
import {
  deleteCompany,
  getWebhookCredentials,
  setWebhookCredentials,
  upsertCompany,
} from '../store/repos/companies.js';
import { savePipedriveConnection } from '../store/repos/pipedrive-connections.js';
import { getXeroConnection } from '../store/repos/xero-connections.js';
import { scheduleCatchUp } from './catch-up.js';
import type { AppContext } from './context.js';
import { ensureDealWebhook, webhookUrl } from './deal-webhook.js';
import { OAUTH_STATE_TTL_MS } from './signed-token.js';

/**
 * Installing and uninstalling the app for a Pipedrive company (docs/vendors/pipedrive.md §1, §5.1).
 *
 * Install: exchange the code → users/me (company id and domain) → store company and grant (sealed)
 * → make sure exactly one webhook of ours exists (deal-webhook.ts), with Basic credentials unique
 * to the company. A re-install keeps the credentials and a good webhook. Only deal changes are
 * needed: stage moves and wins are both `change` events (https://pipedrive.readme.io/docs/guide-for-webhooks-v2). The company's periodic catch-up
 * (catch-up.ts) is scheduled from then on.
 */
export type InstallDeps = Pick<
  AppContext,
  'db' | 'box' | 'clock' | 'logger' | 'connections' | 'queue' | 'publicUrl' | 'catchUpIntervalMs'
>;

export interface Installed {
  companyId: number;
  domain: string;
  webhookId: number;
  xeroConnected: boolean;
}

export function pipedriveCallbackUrl(publicUrl: string): string {
  return `${publicUrl}/oauth/pipedrive/callback`;
}

/** Pipedrive's install page (docs/vendors/pipedrive.md §1.1) with a `state` we signed, good for 15 minutes. */
export function pipedriveInstallUrl(
  deps: Pick<AppContext, 'signer' | 'connections' | 'publicUrl'>,
): string {
  const state = deps.signer.sign('pipedrive-install', { n: randomUUID() }, OAUTH_STATE_TTL_MS);
  return deps.connections.pipedriveOAuth.installUrl({
    state,
    redirectUri: pipedriveCallbackUrl(deps.publicUrl()),
  });
}

/** Whether a callback's `state` is one we issued and still good (CSRF). */
export function isOurInstallState(
  deps: Pick<AppContext, 'signer'>,
  state: string | undefined,
): boolean {
  return state !== undefined && deps.signer.verify(state, 'pipedrive-install') !== undefined;
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

/**
 * Uninstall (§1.9): every row of the company goes (the store cascades). `why` is logged: Pipedrive's
 * uninstall call, or the sandbox demo starting afresh (cli/commands/start.ts).
 */
export async function uninstallPipedrive(
  deps: Pick<InstallDeps, 'db' | 'logger'>,
  companyId: number,
  why = 'uninstalled in Pipedrive',
) {
  const deleted = await deleteCompany(deps.db, companyId);
  if (deleted) deps.logger.info({ companyId, why }, `pipedrive: company data deleted (${why})`);
  return deleted;
}
