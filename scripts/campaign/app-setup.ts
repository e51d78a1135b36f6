import { randomBytes } from 'node:crypto';

import { DEMO_XERO_APP } from '../../sandbox/xero/apps.js';
import {
  CookieJar,
  sessionHeaders,
  walkPipedriveInstall,
  walkXeroConnect,
} from '../../src/cli/oauth-walk.js';
import { type Call, jsonClient } from './control.js';

/**
 * Installs the running app into each company and connects each to its Xero organisation through
 * the real OAuth flows (the sandboxes' auto-approved consent pages), then sets the triggers through
 * the app's settings API, as the admin the install signed in: "Won" makes an invoice, "Proposal" a quote, and products Xero does not
 * know become Xero items.
 */
export const CAMPAIGN_PIPEDRIVE_APP = {
  clientId: 'campaign-pipedrive-client',
  clientSecret: 'campaign-pipedrive-secret',
};

export async function registerPipedriveApp(pipedrive: Call, appUrl: string): Promise<void> {
  await pipedrive('POST', '/__sandbox/pipedrive/apps', {
    ...CAMPAIGN_PIPEDRIVE_APP,
    name: 'pipedrive-xero (campaign)',
    callbackUrl: `${appUrl}/oauth/pipedrive/callback`,
    scopes: ['base', 'deals:full', 'products:read', 'contacts:full', 'admin', 'users:read'],
  });
}

/** What an install needs of a seeded company (seed.ts SeededCompany, or the bench's). */
export interface InstallTarget {
  plan: { id: number; adminId: number };
  tenantId: string;
  pipelineId: number;
  stages: { won: number; proposal: number };
}

/**
 * The environment of the app's processes in production mode whose vendors are the sandboxes
 * (docs/going-live.md §14): the registered Pipedrive app, the demo Xero app, a fresh encryption key.
 */
export function sandboxedAppEnv(input: {
  databaseUrl: string;
  dataDir: string;
  port: number;
  pipedriveUrl: string;
  xeroUrl: string;
}): Record<string, string> {
  const appUrl = `http://127.0.0.1:${input.port}`;
  return {
    LOG_LEVEL: 'info',
    DATABASE_URL: input.databaseUrl,
    DATA_DIR: input.dataDir,
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    PIPEDRIVE_CLIENT_ID: CAMPAIGN_PIPEDRIVE_APP.clientId,
    PIPEDRIVE_CLIENT_SECRET: CAMPAIGN_PIPEDRIVE_APP.clientSecret,
    PIPEDRIVE_OAUTH_URL: input.pipedriveUrl,
    XERO_CLIENT_ID: DEMO_XERO_APP.clientId,
    XERO_CLIENT_SECRET: DEMO_XERO_APP.clientSecret,
    XERO_WEBHOOK_KEY: DEMO_XERO_APP.webhookKey ?? '',
    XERO_LOGIN_URL: input.xeroUrl,
    XERO_IDENTITY_URL: input.xeroUrl,
    XERO_API_URL: input.xeroUrl,
    XERO_ACCOUNTING_URL: `${input.xeroUrl}/api.xro/2.0`,
    HOST: '127.0.0.1',
    PORT: String(input.port),
    PUBLIC_URL: appUrl,
  };
}

export async function installCompany(appUrl: string, company: InstallTarget): Promise<void> {
  const jar = new CookieJar();
  const installed = await walkPipedriveInstall(
    appUrl,
    { company_id: String(company.plan.id), user_id: String(company.plan.adminId) },
    jar,
  );
  if (installed.status !== 303 || installed.location === undefined)
    throw new Error(`installing company ${company.plan.id}: ${installed.status} ${installed.body}`);
  const connected = await walkXeroConnect(
    installed.location,
    { tenant_ids: company.tenantId },
    jar,
  );
  if (connected.status !== 200)
    throw new Error(
      `connecting company ${company.plan.id} to Xero: ${connected.status} ${connected.body}`,
    );

  const api = jsonClient(appUrl, await sessionHeaders(appUrl, jar, company.plan.id));
  await api('PUT', `/api/companies/${company.plan.id}/settings`, {
    triggers: {
      rules: [
        { pipelineId: company.pipelineId, stageId: company.stages.won, document: 'invoice' },
        { pipelineId: company.pipelineId, stageId: company.stages.proposal, document: 'quote' },
      ],
    },
    items: { productNotFound: 'create_item' },
  });
}
