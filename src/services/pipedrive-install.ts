import { randomBytes } from 'node:crypto';

import type { PipedriveTokenSet } from '../pipedrive/oauth.js';
import type { PipedriveMe } from '../pipedrive/types.js';
import { isCompanyAdmin } from '../pipedrive/users.js';
import { withTransaction } from '../store/db.js';
import {
  deleteCompany,
  getWebhookCredentials,
  setWebhookCredentials,
  upsertCompany,
} from '../store/repos/companies.js';
import { getCompany } from '../store/repos/companies.js';
import {
  hasPipedriveGrantOf,
  savePipedriveConnection,
} from '../store/repos/pipedrive-connections.js';
import { getXeroConnection } from '../store/repos/xero-connections.js';
import { scheduleCatchUp } from './catch-up.js';
import type { AppContext } from './context.js';
import { ensureDealWebhook, webhookUrl } from './deal-webhook.js';
import { vendorRefusedCode } from './oauth-code.js';
import type { OAuthPurpose } from './oauth-states.js';
import { type Session, startSession } from './sessions.js';
import { notAdmin } from './sign-in.js';

/**
 * Installing and uninstalling the app for a Pipedrive company (docs/vendors/pipedrive.md §1, §5.1).
 *
 * Install: exchange the code → users/me (company id and domain; the user must be an admin of the
 * company, docs/access.md, else nothing is stored and the company's grant is kept) → store company
 * and grant (sealed)
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
  xeroConnected: boolean;
}

export function pipedriveCallbackUrl(publicUrl: string): string {
  return `${publicUrl}/oauth/pipedrive/callback`;
}

/** Pipedrive's consent page (docs/vendors/pipedrive.md §1.1) with a `state` from services/oauth-states.ts. */
export function pipedriveAuthorizeUrl(
  deps: Pick<AppContext, 'connections' | 'publicUrl'>,
  state: string,
): string {
  return deps.connections.pipedriveOAuth.installUrl({
    state,
    redirectUri: pipedriveCallbackUrl(deps.publicUrl()),
  });
}

/**
 * The callback's code, for an install or a sign-in: the user must be an admin of the company
 * (`not_company_admin` otherwise: their fresh grant is revoked, nothing is stored). An install, or a
 * sign-in into a company that has not installed the app yet, (re)installs; a sign-in into an
 * installed company keeps the company's grant. Either way the admin gets a session.
 */
export async function completePipedriveOAuth(
  deps: InstallDeps,
  code: string,
  purpose: Extract<OAuthPurpose, 'pipedrive-install' | 'pipedrive-sign-in'>,
): Promise<Installed & { session: { id: string; session: Session } }> {
  const { connections } = deps;
  const tokens = await connections.pipedriveOAuth
    .exchangeCode(code, pipedriveCallbackUrl(deps.publicUrl()))
    .catch((error: unknown) => {
      throw vendorRefusedCode(error, 'Pipedrive');
    });
  const me = await connections.pipedriveWithToken(tokens.apiDomain, tokens.accessToken).getMe();
  if (!isCompanyAdmin(me)) {
    await connections.pipedriveOAuth.revoke(tokens.refreshToken).catch((error: unknown) => {
      deps.logger.warn({ err: error, companyId: me.company_id }, 'pipedrive: revoke failed');
    });
    deps.logger.info(
      { companyId: me.company_id, userId: me.id },
      'pipedrive: refused a user who is not an admin',
    );
    throw notAdmin();
  }
  const existing = await getCompany(deps.db, me.company_id);
  const installed =
    purpose === 'pipedrive-sign-in' && existing !== undefined
      ? {
          companyId: existing.id,
          domain: existing.domain,
          xeroConnected: (await getXeroConnection(deps.db, deps.box, existing.id)) !== undefined,
        }
      : await installPipedrive(deps, tokens, me);
  const session = await startSession(deps, { companyId: me.company_id, userId: me.id });
  return { ...installed, session };
}

async function installPipedrive(
  deps: InstallDeps,
  tokens: PipedriveTokenSet,
  me: PipedriveMe,
): Promise<Installed> {
  const { db, box, clock, connections } = deps;
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
  return { companyId, domain: me.company_domain, xeroConnected: xero !== undefined };
}

/**
 * Uninstall (§1.9): every row of the company goes (the store cascades). Pipedrive calls this for
 * every user who uninstalls, e.g. a non-admin whose install was refused (and revoked) above: only
 * the uninstall of a user whose grant the company holds removes the company (`by` absent: the
 * company, as the CLI's start does). `why` is logged: Pipedrive's uninstall call, or the sandbox
 * demo starting afresh (cli/commands/start.ts).
 */
export async function uninstallPipedrive(
  deps: Pick<InstallDeps, 'db' | 'logger'>,
  companyId: number,
  { by: userId, why = 'uninstalled in Pipedrive' }: { by?: number | undefined; why?: string } = {},
) {
  if (userId !== undefined && !(await hasPipedriveGrantOf(deps.db, companyId, userId))) {
    deps.logger.info({ companyId, userId }, 'pipedrive: a user without a grant uninstalled');
    return false;
  }
  const deleted = await deleteCompany(deps.db, companyId);
  if (deleted) deps.logger.info({ companyId, why }, `pipedrive: company data deleted (${why})`);
  return deleted;
}
